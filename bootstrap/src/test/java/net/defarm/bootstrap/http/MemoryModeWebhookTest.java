package net.defarm.bootstrap.http;

class MemoryModeWebhookTest extends WebhookHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
