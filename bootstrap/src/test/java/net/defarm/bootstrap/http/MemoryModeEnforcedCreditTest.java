package net.defarm.bootstrap.http;

class MemoryModeEnforcedCreditTest extends EnforcedCreditHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
