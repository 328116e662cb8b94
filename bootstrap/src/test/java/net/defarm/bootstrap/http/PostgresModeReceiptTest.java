package net.defarm.bootstrap.http;

class PostgresModeReceiptTest extends ReceiptHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
