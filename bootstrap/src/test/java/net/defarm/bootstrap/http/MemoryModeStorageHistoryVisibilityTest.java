package net.defarm.bootstrap.http;

class MemoryModeStorageHistoryVisibilityTest extends StorageHistoryVisibilityHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
