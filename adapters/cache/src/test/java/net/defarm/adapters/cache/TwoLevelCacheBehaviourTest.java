package net.defarm.adapters.cache;

class TwoLevelCacheBehaviourTest extends SharedCacheBehaviourTests {
    @Override
    protected CacheSettings.Kind kind() {
        return CacheSettings.Kind.TWO_LEVEL;
    }
}
