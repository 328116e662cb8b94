package net.defarm.bootstrap.http;

class MemoryModeCreditTest extends CreditHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
