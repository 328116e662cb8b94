package net.defarm.bootstrap.http;

class PostgresModeHttpTest extends ServiceHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
