package net.defarm.bootstrap.http;

class PostgresModeStrictInputTest extends StrictInputHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
