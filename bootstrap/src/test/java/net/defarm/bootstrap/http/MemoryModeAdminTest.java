package net.defarm.bootstrap.http;

class MemoryModeAdminTest extends AdminHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
