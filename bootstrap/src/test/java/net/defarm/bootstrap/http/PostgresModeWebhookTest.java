package net.defarm.bootstrap.http;

class PostgresModeWebhookTest extends WebhookHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
