package net.defarm.bootstrap.http;

/** PostgreSQL behind the two-level cache (Caffeine and Redis). */
class CachedModeCircuitJourneysTest extends CircuitJourneysHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES_TWO_LEVEL_CACHE;
    }
}
