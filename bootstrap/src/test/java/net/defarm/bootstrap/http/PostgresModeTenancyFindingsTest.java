package net.defarm.bootstrap.http;

class PostgresModeTenancyFindingsTest extends TenancyFindingsHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
