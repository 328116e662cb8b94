package net.defarm.bootstrap.http;

/** Behind the two-level cache the hourly limits are counted in Redis. */
class CachedModeApiKeyTest extends ApiKeyHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES_TWO_LEVEL_CACHE;
    }
}
