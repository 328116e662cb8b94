package net.defarm.bootstrap.http;

class PostgresModeCircuitJourneysTest extends CircuitJourneysHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
