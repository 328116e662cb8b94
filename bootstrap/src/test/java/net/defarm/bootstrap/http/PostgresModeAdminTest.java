package net.defarm.bootstrap.http;

class PostgresModeAdminTest extends AdminHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
