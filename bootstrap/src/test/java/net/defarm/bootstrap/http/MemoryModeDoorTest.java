package net.defarm.bootstrap.http;

class MemoryModeDoorTest extends DoorHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
