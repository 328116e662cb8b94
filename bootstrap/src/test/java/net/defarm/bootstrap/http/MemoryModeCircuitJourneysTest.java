package net.defarm.bootstrap.http;

class MemoryModeCircuitJourneysTest extends CircuitJourneysHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
