package net.defarm.domain.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.WireNames;

/** How the attributes of local items merged into a master combine. */
public enum MergeStrategy {

    /** Arrays gain the new elements they lack, objects merge shallowly, anything else is replaced. */
    APPEND("append"),
    /** The master's attributes stay as they are. */
    KEEP_FIRST("keep_first"),
    /** Every attribute of every merged item overwrites the master's (the last item wins). */
    OVERWRITE("overwrite");

    private final String wireName;

    MergeStrategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<MergeStrategy> parse(String name) {
        if (name == null) {
            return Optional.of(APPEND);
        }
        return WireNames.find(values(), MergeStrategy::wireName, name.toLowerCase(Locale.ROOT));
    }

    public static List<String> wireNames() {
        return List.of(APPEND.wireName, KEEP_FIRST.wireName, OVERWRITE.wireName);
    }

    /** The master's new attributes after merging {@code others}, in order. */
    public JsonObject merge(JsonObject master, List<JsonObject> others) {
        if (this == KEEP_FIRST) {
            return master;
        }
        Map<String, JsonValue> merged = new TreeMap<>(JsonObject.KEY_ORDER);
        merged.putAll(master.members());
        for (JsonObject other : others) {
            other.members().forEach((key, incoming) -> merged.put(key,
                    this == OVERWRITE ? incoming : appendMerge(merged.get(key), incoming)));
        }
        return JsonObject.of(merged);
    }

    private static JsonValue appendMerge(JsonValue existing, JsonValue incoming) {
        if (existing instanceof JsonArray a && incoming instanceof JsonArray b) {
            List<JsonValue> values = new ArrayList<>(a.values());
            b.values().stream().filter(v -> !values.contains(v)).forEach(values::add);
            return new JsonArray(values);
        }
        if (existing instanceof JsonObject a && incoming instanceof JsonObject b) {
            return a.merge(b);
        }
        return incoming;
    }
}
