package net.defarm.bootstrap.http;

class PostgresModeTenantIsolationTest extends TenantIsolationHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
