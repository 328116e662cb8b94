package net.defarm.domain.items;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;

/** Given/when/then case 21. */
class MergeStrategyTest {

    private final JsonObject master = JsonObject.of(Map.of(
            "tags", JsonArray.of(JsonValue.of("a")), "w", JsonValue.of(1)));
    private final JsonObject other = JsonObject.of(Map.of(
            "tags", JsonArray.of(JsonValue.of("a"), JsonValue.of("b")), "w", JsonValue.of(2),
            "c", JsonObject.of("x", JsonValue.of(1))));

    @Test
    void appendUnionsArraysAndTakesNewScalars() {
        assertEquals("{\"c\":{\"x\":1},\"tags\":[\"a\",\"b\"],\"w\":2}",
                MergeStrategy.APPEND.merge(master, List.of(other)).toCanonicalJson());
    }

    @Test
    void keepFirstLeavesTheMasterUnchanged() {
        assertEquals(master, MergeStrategy.KEEP_FIRST.merge(master, List.of(other)));
    }

    @Test
    void overwriteLetsEveryOtherKeyWin() {
        assertEquals("{\"c\":{\"x\":1},\"tags\":[\"a\",\"b\"],\"w\":2}",
                MergeStrategy.OVERWRITE.merge(master, List.of(other)).toCanonicalJson());
        JsonObject shadow = JsonObject.of(Map.of("tags", JsonArray.of(JsonValue.of("z"))));
        assertEquals("[\"z\"]", MergeStrategy.OVERWRITE.merge(master, List.of(shadow)).get("tags").orElseThrow()
                .toCanonicalJson());
        assertEquals("[\"a\",\"z\"]", MergeStrategy.APPEND.merge(master, List.of(shadow)).get("tags").orElseThrow()
                .toCanonicalJson());
    }

    @Test
    void parsesWireNames() {
        assertEquals(MergeStrategy.KEEP_FIRST, MergeStrategy.parse("keep_first").orElseThrow());
        assertEquals(MergeStrategy.APPEND, MergeStrategy.parse(null).orElseThrow());
        assertEquals(true, MergeStrategy.parse("random").isEmpty());
    }
}
