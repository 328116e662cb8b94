package net.defarm.bootstrap.http;

class MemoryModeTenancyFindingsTest extends TenancyFindingsHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
