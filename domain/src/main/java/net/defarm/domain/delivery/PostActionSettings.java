package net.defarm.domain.delivery;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A circuit's post-action switches: whether its webhooks fire, on which events, and what the payload includes. */
public record PostActionSettings(UUID circuitId, boolean enabled, Set<TriggerEvent> triggers,
                                 boolean includeStorageDetails, boolean includeItemMetadata, Instant updatedAt) {

    public PostActionSettings {
        Objects.requireNonNull(circuitId, "circuitId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        triggers = triggers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(triggers));
    }

    /** The settings a circuit gets with its first webhook: nothing fires until they are switched on. */
    public static PostActionSettings initial(UUID circuitId, Instant now) {
        return new PostActionSettings(circuitId, false, Set.of(), false, false, now);
    }

    public boolean fires(TriggerEvent event) {
        return enabled && triggers.contains(event);
    }
}
