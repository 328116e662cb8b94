package net.defarm.bootstrap.http;

class PostgresModeStorageHistoryTest extends StorageHistoryHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
