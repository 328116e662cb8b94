package net.defarm.bootstrap.http;

/** PostgreSQL behind the two-level cache (Caffeine and Redis). */
class CachedModeCircuitRoleTableTest extends CircuitRoleTableHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES_TWO_LEVEL_CACHE;
    }
}
