package net.defarm.bootstrap.http;

class PostgresModeItemSharingTest extends ItemSharingHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
