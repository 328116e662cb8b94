package net.defarm.bootstrap.http;

class MemoryModeAdapterTest extends AdapterHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
