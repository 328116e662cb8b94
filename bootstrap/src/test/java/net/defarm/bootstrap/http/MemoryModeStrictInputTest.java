package net.defarm.bootstrap.http;

class MemoryModeStrictInputTest extends StrictInputHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
