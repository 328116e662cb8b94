package net.defarm.bootstrap.http;

class MemoryModeCircuitTenancyFindingsTest extends CircuitTenancyFindingsHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
