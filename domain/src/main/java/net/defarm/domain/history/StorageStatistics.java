package net.defarm.domain.history;

import java.util.Map;

/** What one owner's items hold: distinct items, records, records per adapter type, migrations. */
public record StorageStatistics(long itemsTracked, long records, Map<String, Long> perAdapter, long migrations) {

    public StorageStatistics {
        perAdapter = Map.copyOf(perAdapter);
    }
}
