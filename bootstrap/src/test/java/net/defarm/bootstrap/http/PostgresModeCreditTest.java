package net.defarm.bootstrap.http;

class PostgresModeCreditTest extends CreditHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
