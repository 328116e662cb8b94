package net.defarm.bootstrap.http;

class PostgresModeCircuitTenancyFindingsTest extends CircuitTenancyFindingsHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
