package net.defarm.bootstrap.http;

class MemoryModeEpcisTest extends EpcisHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
