package net.defarm.bootstrap.http;

class MemoryModeReceiptTest extends ReceiptHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
