package net.defarm.bootstrap.http;

class PostgresModeMalformedInputTest extends MalformedInputHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
