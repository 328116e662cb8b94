package net.defarm.domain.circuits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The circuit's activity feed: one entry per completed push or pull. */
public record Activity(String activityId, CircuitOperation.Type type, UUID circuitId, String circuitName, List<String> itemDfids,
                       String userId, Instant timestamp, String status, int itemsAffected) {

    public Activity {
        itemDfids = List.copyOf(itemDfids);
    }

    /** {@code ACTIVITY-<yyyyMMddHHmmss>-<8 hex>} from the time and a fresh UUID. */
    public static Activity completed(UUID random, CircuitOperation.Type type, Circuit circuit, String dfid, String userId,
                                     Instant now) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        String id = "ACTIVITY-" + stamp + "-" + random.toString().substring(0, 8).toUpperCase();
        return new Activity(id, type, circuit.circuitId(), circuit.name(), List.of(dfid), userId, now, "Success", 1);
    }
}
