package net.defarm.domain.history;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one owner's items hold: distinct items, records, records per adapter type (by type name, so every store and
 * every run lists them alike), migrations.
 */
public record StorageStatistics(long itemsTracked, long records, Map<String, Long> perAdapter, long migrations) {

    public StorageStatistics {
        perAdapter = Collections.unmodifiableMap(new TreeMap<>(perAdapter));
    }
}
