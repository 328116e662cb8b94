package net.defarm.bootstrap.http;

class MemoryModeMalformedInputTest extends MalformedInputHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
