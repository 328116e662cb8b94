package net.defarm.bootstrap.http;

class PostgresModeApiKeyTest extends ApiKeyHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }
}
