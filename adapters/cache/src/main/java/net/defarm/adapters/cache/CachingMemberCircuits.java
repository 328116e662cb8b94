package net.defarm.adapters.cache;

import java.util.Set;
import java.util.UUID;
import net.defarm.application.events.MemberCircuits;

/** The circuits a user belongs to, from the cache; circuit changes invalidate the users whose membership changed. */
final class CachingMemberCircuits implements MemberCircuits {

    private final MemberCircuits store;
    private final CacheRegion<Set<UUID>> memberships;

    CachingMemberCircuits(MemberCircuits store, CacheRegion<Set<UUID>> memberships) {
        this.store = store;
        this.memberships = memberships;
    }

    @Override
    public Set<UUID> circuitsOf(String userId) {
        return memberships.get(userId, () -> java.util.Optional.of(store.circuitsOf(userId))).orElse(Set.of());
    }
}
