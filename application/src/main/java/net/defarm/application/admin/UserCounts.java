package net.defarm.application.admin;

import java.util.EnumMap;
import java.util.Map;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserTier;

/**
 * Account counts for the dashboard: every tier and status is present (zero when none). {@code signedInSince} counts
 * accounts whose last sign-in is at or after the given instant, {@code createdSince} those created since.
 */
public record UserCounts(long total, Map<UserTier, Long> byTier, Map<AccountStatus, Long> byStatus,
                         long signedInSince, long createdSince) {

    public UserCounts {
        byTier = Map.copyOf(byTier);
        byStatus = Map.copyOf(byStatus);
    }

    /** No account at all: every tier and status at zero. */
    public static UserCounts zero() {
        Map<UserTier, Long> tiers = new EnumMap<>(UserTier.class);
        Map<AccountStatus, Long> statuses = new EnumMap<>(AccountStatus.class);
        for (UserTier t : UserTier.values()) {
            tiers.put(t, 0L);
        }
        for (AccountStatus s : AccountStatus.values()) {
            statuses.put(s, 0L);
        }
        return new UserCounts(0, tiers, statuses, 0, 0);
    }

    /** These counts plus {@code count} accounts of one tier and status, of which some signed in or were created. */
    public UserCounts plus(UserTier tier, AccountStatus status, long count, long signedIn, long created) {
        Map<UserTier, Long> tiers = new EnumMap<>(byTier);
        Map<AccountStatus, Long> statuses = new EnumMap<>(byStatus);
        tiers.merge(tier, count, Long::sum);
        statuses.merge(status, count, Long::sum);
        return new UserCounts(total + count, tiers, statuses, signedInSince + signedIn, createdSince + created);
    }
}
