package net.defarm.adapters.cache;

/**
 * What one cache region did since start: hits in process and in Redis, loads from the store (misses) and the time
 * they took, reads that skipped the cache (inside a transaction, or while Redis is unavailable), reads that shared
 * another reader's load instead of querying again, evictions, Redis
 * errors, and entries that could not be decoded.
 */
public record RegionStats(String region, long localHits, long sharedHits, long loads, long loadNanos, long bypasses,
                          long coalesced, long evictions, long errors, long undecodable, long localSize) {

    public long hits() {
        return localHits + sharedHits;
    }

    /** Hits over hits and loads; 0 before the first read. */
    public double hitRatio() {
        long total = hits() + loads;
        return total == 0 ? 0 : (double) hits() / total;
    }
}
