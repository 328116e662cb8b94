package net.defarm.domain.integrity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonBoolean;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.JsonValue;

/**
 * What changed between two snapshots, e.g. {@code ItemPushedToCircuit{circuit_id}}. Written as
 * {@code {"type":"<Variant>", ...fields in declaration order}}, which is part of the snapshot hash.
 */
public record SnapshotOperation(String type, Map<String, JsonValue> fields) {

    public SnapshotOperation {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static SnapshotOperation itemCreated() {
        return new SnapshotOperation("ItemCreated", Map.of());
    }

    public static SnapshotOperation itemEnriched(List<String> fields) {
        return new SnapshotOperation("ItemEnriched", Map.of("fields",
                new JsonArray(fields.stream().sorted().map(f -> (JsonValue) new JsonString(f)).toList())));
    }

    public static SnapshotOperation itemPushedToCircuit(String circuitId) {
        return new SnapshotOperation("ItemPushedToCircuit", Map.of("circuit_id", new JsonString(circuitId)));
    }

    /** A human description, e.g. "Pushed to circuit <id>" or "Item enriched with 2 field(s)". */
    public String description() {
        return switch (type) {
            case "ItemCreated" -> "Item created";
            case "ItemEnriched" -> "Item enriched with " + (fields.get("fields") instanceof JsonArray a ? a.values().size() : 0)
                    + " field(s)";
            case "ItemPushedToCircuit" -> "Pushed to circuit " + (fields.get("circuit_id") instanceof JsonString s
                    ? s.value() : "unknown");
            case "CircuitCreated" -> "Circuit created";
            case "CircuitMemberAdded" -> "Member added: " + text("member_id");
            case "CircuitMemberRemoved" -> "Member removed: " + text("member_id");
            case "CircuitVisibilityChanged" -> fields.get("is_public") instanceof JsonBoolean b && b.value()
                    ? "Made public" : "Made private";
            case "CircuitAdapterConfigured" -> "Adapter configured: " + text("adapter_type");
            case "CircuitItemPushed" -> "Item published: " + text("dfid");
            case "CircuitItemPulled" -> "Item unpublished: " + text("dfid");
            case "CircuitPermissionChanged" -> "Permission changed: " + text("permission");
            default -> type;
        };
    }

    private String text(String field) {
        return fields.get(field) instanceof JsonString s ? s.value() : "unknown";
    }

    /** {@code {"type":...}} first, then the fields in order: the reference's serialization. */
    public String toJson() {
        StringBuilder out = new StringBuilder("{\"type\":").append(new JsonString(type).toCanonicalJson());
        fields.forEach((k, v) -> out.append(',').append(new JsonString(k).toCanonicalJson()).append(':')
                .append(v.toCanonicalJson()));
        return out.append('}').toString();
    }
}
