package net.defarm.bootstrap.http;

class MemoryModeHttpTest extends ServiceHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
