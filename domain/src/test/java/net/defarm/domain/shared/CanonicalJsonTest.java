package net.defarm.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelWhateverTheInsertionOrder() {
        Map<String, JsonValue> inner = new LinkedHashMap<>();
        inner.put("z", JsonValue.of(1));
        inner.put("a", JsonValue.of("x"));
        Map<String, JsonValue> outer = new LinkedHashMap<>();
        outer.put("b", JsonObject.of(inner));
        outer.put("a", JsonArray.of(JsonValue.of(true), JsonNull.INSTANCE));
        assertEquals("{\"a\":[true,null],\"b\":{\"a\":\"x\",\"z\":1}}", JsonObject.of(outer).toCanonicalJson());
    }

    @Test
    void escapesOnlyQuotesBackslashesAndControlCharacters() {
        String s = "q\"b\\n\nt\tc\u0001é✓";
        assertEquals("\"q\\\"b\\\\n\\nt\\tc\\u0001é✓\"", new JsonString(s).toCanonicalJson());
    }

    @Test
    void keysSortByCodePointNotUtf16() {
        // U+1F600 (surrogate pair) sorts after U+FFFD by code point, before it in UTF-16 order.
        JsonObject o = JsonObject.of(Map.of("\uD83D\uDE00", JsonValue.of(1), "\uFFFD", JsonValue.of(2)));
        assertEquals("{\"\uFFFD\":2,\"\uD83D\uDE00\":1}", o.toCanonicalJson());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.0, 1.0", "0.5, 0.5", "450.5, 450.5", "100, 100.0", "1e21, 1e21", "1.5e-7, 1.5e-7",
            "0.00001, 0.00001", "0.000001, 1e-6", "123456789012345678, 1.2345678901234568e17", "-2.25, -2.25",
            "1e16, 1e16", "1e15, 1000000000000000.0"})
    void formatsFloatsLikeTheReference(double value, String expected) {
        assertEquals(expected, JsonNumber.of(value).canonical());
    }

    @Test
    void integersStayIntegersAndDifferFromFloats() {
        assertEquals("18446744073709551615", JsonNumber.of(new BigInteger("18446744073709551615")).canonical());
        assertEquals("-9223372036854775808", JsonNumber.of(Long.MIN_VALUE).canonical());
        assertNotEquals(JsonNumber.of(1), JsonNumber.of(1.0));
    }
}
