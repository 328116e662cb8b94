package net.defarm.bootstrap.http;

class MemoryModeNotificationSocketTest extends NotificationSocketHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
