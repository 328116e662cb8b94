package net.defarm.application.integrity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.defarm.application.shared.Clock;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitMember;
import net.defarm.domain.integrity.SnapshotOperation;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.integrity.StateSnapshot.EntityType;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * Appends circuit snapshots to their hash chain, inside the transaction that changes the circuit: at creation and
 * after every change of what the snapshot state holds (name, description, owner, members and roles, published
 * items, visibility, adapter, status). Changes that leave that state as it was (a join request waiting, a webhook
 * setting) add no version. The operation names the first difference found.
 */
public final class CircuitSnapshots {

    private final SnapshotRepository snapshots;
    private final Clock clock;

    public CircuitSnapshots(SnapshotRepository snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** Records the circuit as it now is; {@code before} is null for a new circuit. */
    public void record(Circuit before, Circuit after, String actorId) {
        String id = after.circuitId().toString();
        JsonObject state = state(after);
        snapshots.lock(EntityType.CIRCUIT, id);
        StateSnapshot latest = snapshots.latest(EntityType.CIRCUIT, id).orElse(null);
        if (latest != null && latest.state().toCanonicalJson().equals(state.toCanonicalJson())) {
            return;
        }
        SnapshotOperation operation = before == null ? new SnapshotOperation("CircuitCreated", Map.of())
                : operation(before, after);
        snapshots.insert(StateSnapshot.next(latest, EntityType.CIRCUIT, id, state, operation,
                Map.of("triggered_by", actorId), clock.now(), actorId));
    }

    static JsonObject state(Circuit c) {
        List<JsonValue> members = c.members().stream()
                .sorted(java.util.Comparator.comparing(CircuitMember::memberId))
                .map(m -> (JsonValue) JsonObject.of("user_id", JsonValue.of(m.memberId()))
                        .with("role", JsonValue.of(role(m))))
                .toList();
        return JsonObject.of("circuit_id", JsonValue.of(c.circuitId().toString()))
                .with("name", JsonValue.of(c.name()))
                .with("description", c.description() == null ? JsonNull.INSTANCE : JsonValue.of(c.description()))
                .with("owner_id", JsonValue.of(c.ownerId()))
                .with("members", new JsonArray(members))
                .with("items", new JsonArray(published(c).stream().map(d -> (JsonValue) JsonValue.of(d)).toList()))
                .with("is_public", JsonValue.of(c.permissions().allowPublicVisibility()))
                .with("access_mode", accessMode(c) == null ? JsonNull.INSTANCE : JsonValue.of(accessMode(c)))
                .with("adapter_type", adapter(c) == null ? JsonNull.INSTANCE : JsonValue.of(adapter(c)))
                .with("status", JsonValue.of(c.status().wireName()))
                .with("created_at", JsonValue.of(c.createdAt().toString()));
    }

    private static SnapshotOperation operation(Circuit before, Circuit after) {
        Map<String, String> was = roles(before);
        Map<String, String> now = roles(after);
        for (Map.Entry<String, String> m : now.entrySet()) {
            if (!was.containsKey(m.getKey())) {
                return op("CircuitMemberAdded", "member_id", JsonValue.of(m.getKey()), "role",
                        JsonValue.of(m.getValue()));
            }
        }
        for (String member : was.keySet()) {
            if (!now.containsKey(member)) {
                return op("CircuitMemberRemoved", "member_id", JsonValue.of(member));
            }
        }
        if (before.permissions().allowPublicVisibility() != after.permissions().allowPublicVisibility()
                || !Objects.equals(accessMode(before), accessMode(after))) {
            return op("CircuitVisibilityChanged", "is_public", JsonValue.of(after.permissions().allowPublicVisibility()),
                    "access_mode", accessMode(after) == null ? JsonNull.INSTANCE : JsonValue.of(accessMode(after)));
        }
        if (!Objects.equals(adapter(before), adapter(after))) {
            return op("CircuitAdapterConfigured", "adapter_type", JsonValue.of(Objects.requireNonNullElse(
                    adapter(after), "none")));
        }
        List<String> added = new ArrayList<>(published(after));
        added.removeAll(published(before));
        if (!added.isEmpty()) {
            return op("CircuitItemPushed", "dfid", JsonValue.of(added.getFirst()));
        }
        List<String> removed = new ArrayList<>(published(before));
        removed.removeAll(published(after));
        if (!removed.isEmpty()) {
            return op("CircuitItemPulled", "dfid", JsonValue.of(removed.getFirst()));
        }
        for (Map.Entry<String, String> m : now.entrySet()) {
            if (!m.getValue().equals(was.get(m.getKey()))) {
                return op("CircuitPermissionChanged", "permission", JsonValue.of("role:" + m.getKey()),
                        "old_value", JsonValue.of(was.get(m.getKey())), "new_value", JsonValue.of(m.getValue()));
            }
        }
        return op("CircuitPermissionChanged", "permission", JsonValue.of("settings"), "new_value",
                JsonValue.of(after.status().wireName()));
    }

    private static SnapshotOperation op(String type, Object... fields) {
        Map<String, JsonValue> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], (JsonValue) fields[i + 1]);
        }
        return new SnapshotOperation(type, map);
    }

    private static Map<String, String> roles(Circuit c) {
        Map<String, String> roles = new LinkedHashMap<>();
        c.members().stream().sorted(java.util.Comparator.comparing(CircuitMember::memberId))
                .forEach(m -> roles.put(m.memberId(), role(m)));
        return roles;
    }

    private static String role(CircuitMember m) {
        return m.customRoleName() != null ? m.customRoleName() : m.role().wireName();
    }

    private static List<String> published(Circuit c) {
        return c.publicSettings() == null ? List.of() : c.publicSettings().publishedItems();
    }

    private static String accessMode(Circuit c) {
        return c.publicSettings() == null || c.publicSettings().accessMode() == null ? null
                : c.publicSettings().accessMode().wireName();
    }

    private static String adapter(Circuit c) {
        return c.adapterConfig() == null ? null : c.adapterConfig().adapterType().wireName();
    }
}
