package net.defarm.bootstrap.http;

class PostgresModeNotificationSocketTest extends NotificationSocketHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
