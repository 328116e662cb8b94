package net.defarm.adapters.cache;

class LruCacheBehaviourTest extends CacheBehaviourTests {
    @Override
    protected CacheSettings.Kind kind() {
        return CacheSettings.Kind.LRU;
    }
}
