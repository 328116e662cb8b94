package net.defarm.bootstrap.http;

/** PostgreSQL behind the two-level cache (Caffeine and Redis). */
class CachedModeHttpTest extends ServiceHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES_TWO_LEVEL_CACHE;
    }
}
