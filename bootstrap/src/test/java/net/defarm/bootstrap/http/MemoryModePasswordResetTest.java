package net.defarm.bootstrap.http;

class MemoryModePasswordResetTest extends PasswordResetHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
