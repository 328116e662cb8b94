package net.defarm.bootstrap.http;

class PostgresModePasswordResetTest extends PasswordResetHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
