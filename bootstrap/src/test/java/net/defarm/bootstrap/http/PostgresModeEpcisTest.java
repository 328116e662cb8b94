package net.defarm.bootstrap.http;

class PostgresModeEpcisTest extends EpcisHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
