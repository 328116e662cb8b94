package net.defarm.bootstrap.http;

class CachedModeNotificationSocketTest extends NotificationSocketHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES_TWO_LEVEL_CACHE;
    }
}
