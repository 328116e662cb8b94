package net.defarm.bootstrap.http;

class MemoryModeStorageHistoryTest extends StorageHistoryHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
