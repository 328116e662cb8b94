package net.defarm.bootstrap.http;

class CachedModeAdminTest extends AdminHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES_TWO_LEVEL_CACHE;
    }
}
