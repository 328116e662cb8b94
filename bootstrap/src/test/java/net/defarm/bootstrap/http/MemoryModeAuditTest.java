package net.defarm.bootstrap.http;

class MemoryModeAuditTest extends AuditHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
