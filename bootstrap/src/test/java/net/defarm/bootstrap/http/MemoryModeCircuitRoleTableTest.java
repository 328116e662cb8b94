package net.defarm.bootstrap.http;

class MemoryModeCircuitRoleTableTest extends CircuitRoleTableHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
