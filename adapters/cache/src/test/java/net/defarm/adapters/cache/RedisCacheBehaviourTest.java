package net.defarm.adapters.cache;

class RedisCacheBehaviourTest extends SharedCacheBehaviourTests {
    @Override
    protected CacheSettings.Kind kind() {
        return CacheSettings.Kind.REDIS;
    }
}
