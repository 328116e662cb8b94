package net.defarm.adapters.cache;

/**
 * Called after a value was loaded from the store and before it is cached. Production uses {@link #NONE}; the race
 * tests pause a reader here while a writer commits.
 */
@FunctionalInterface
public interface LoadHook {

    LoadHook NONE = (region, id) -> { };

    void afterLoad(String region, String id);
}
