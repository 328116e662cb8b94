package net.defarm.bootstrap.http;

class MemoryModeItemSharingTest extends ItemSharingHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
