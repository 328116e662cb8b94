package net.defarm.bootstrap.http;

class PostgresModeDoorTest extends DoorHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
