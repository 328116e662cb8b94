package net.defarm.bootstrap.http;

class PostgresModeStorageHistoryVisibilityTest extends StorageHistoryVisibilityHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
