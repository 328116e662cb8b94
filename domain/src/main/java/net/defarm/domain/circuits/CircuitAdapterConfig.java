package net.defarm.domain.circuits;

import java.time.Instant;

/** The storage adapter a circuit requires for pushed items, and who may use it. */
public record CircuitAdapterConfig(AdapterType adapterType, String configuredBy, Instant configuredAt,
                                   boolean requiresApproval, boolean autoMigrateExisting,
                                   boolean sponsorAdapterAccess) {

    /** Whether pushers must hold the adapter themselves (an adapter is set and the circuit does not sponsor it). */
    public boolean restrictsPushers() {
        return adapterType != null && !sponsorAdapterAccess;
    }
}
