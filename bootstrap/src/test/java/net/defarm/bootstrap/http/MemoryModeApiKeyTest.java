package net.defarm.bootstrap.http;

class MemoryModeApiKeyTest extends ApiKeyHttpTests {
    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }
}
