package net.defarm.bootstrap.http;

class PostgresModeCircuitRoleTableTest extends CircuitRoleTableHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
