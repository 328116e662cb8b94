package net.defarm.domain.integrity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.WireNames;

/**
 * A version of an entity's state in a hash chain: its id is BLAKE3 over (entity type, entity id, version as 8
 * little-endian bytes, parent id if any, canonical state, operation, RFC 3339 time), so changing any of them, or
 * the order of versions, breaks the chain (docs/domain-rules.md).
 */
public record StateSnapshot(String snapshotId, EntityType entityType, String entityId, long version,
                            String parentHash, JsonObject state, SnapshotOperation operation,
                            Map<String, String> operationMetadata, Instant timestamp, String createdBy) {

    public enum EntityType {
        ITEM("item"), CIRCUIT("circuit");

        private final String text;

        EntityType(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public static EntityType fromText(String text) {
            return WireNames.require(values(), EntityType::text, text, "snapshot entity type");
        }
    }

    public StateSnapshot {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(state, "state");
        operationMetadata = Map.copyOf(operationMetadata);
    }

    /** The next link of a chain: version and parent come from the latest snapshot (null for the first). */
    public static StateSnapshot next(StateSnapshot latest, EntityType type, String entityId, JsonObject state,
                                     SnapshotOperation operation, Map<String, String> metadata, Instant now,
                                     String createdBy) {
        long version = latest == null ? 1 : latest.version() + 1;
        String parent = latest == null ? null : latest.snapshotId();
        return new StateSnapshot(hash(type, entityId, version, parent, state, operation, now), type, entityId,
                version, parent, state, operation, metadata, now, createdBy);
    }

    /** The id this snapshot's content implies (differs from {@link #snapshotId()} when it was tampered with). */
    public String recomputedId() {
        return hash(entityType, entityId, version, parentHash, state, operation, timestamp);
    }

    static String hash(EntityType type, String entityId, long version, String parent, JsonObject state,
                       SnapshotOperation operation, Instant at) {
        List<byte[]> parts = new ArrayList<>(7);
        parts.add(Hashes.utf8(type.text()));
        parts.add(Hashes.utf8(entityId));
        parts.add(Hashes.littleEndian(version));
        if (parent != null) {
            parts.add(Hashes.utf8(parent));
        }
        parts.add(Hashes.utf8(state.toCanonicalJson()));
        parts.add(Hashes.utf8(operation.toJson()));
        parts.add(Hashes.utf8(rfc3339(at)));
        return Hashes.blake3Hex(parts);
    }

    /** RFC 3339 with {@code +00:00} and a fraction of 0, 3, 6 or 9 digits as needed (the reference's form). */
    static String rfc3339(Instant at) {
        String base = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(at);
        int nanos = at.getNano();
        String fraction;
        if (nanos == 0) {
            fraction = "";
        } else if (nanos % 1_000_000 == 0) {
            fraction = "." + String.format("%03d", nanos / 1_000_000);
        } else if (nanos % 1_000 == 0) {
            fraction = "." + String.format("%06d", nanos / 1_000);
        } else {
            fraction = "." + String.format("%09d", nanos);
        }
        return base + fraction + "+00:00";
    }
}
