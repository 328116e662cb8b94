package net.defarm.bootstrap.http;

class MemoryModeTenantIsolationTest extends TenantIsolationHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
