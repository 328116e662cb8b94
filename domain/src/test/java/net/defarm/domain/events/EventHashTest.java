package net.defarm.domain.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;

/** Event hashes, their test vectors and cases 26-28 at domain level (docs/domain-rules.md). */
class EventHashTest {

    @Test
    void createdWithoutMetadataMatchesTheVector() {
        String hash = EventHash.of("DFID-123", EventType.CREATED, "user-1", JsonObject.EMPTY);
        assertEquals("920d9a44493fdb4ba77330f99b4e564c9da97f21c7bc48cbc1f64b3dde36ecf9", hash);
        assertEquals(Hashes.blake3Hex("DFID-123Createduser-1{}"), hash);
    }

    @Test
    void enrichedWithMetadataMatchesTheVectorInAnyKeyOrder() {
        Map<String, JsonValue> ab = new LinkedHashMap<>();
        ab.put("a", JsonValue.of("x"));
        ab.put("b", JsonValue.of(1));
        Map<String, JsonValue> ba = new LinkedHashMap<>();
        ba.put("b", JsonValue.of(1));
        ba.put("a", JsonValue.of("x"));
        String expected = "22ad0675a9bf039769a2dbdc26dce5abadf1cc40d79de2de0598f9580d7623c7";
        assertEquals(expected, EventHash.of("DFID-123", EventType.ENRICHED, "user-1", JsonObject.of(ab)));
        assertEquals(expected, EventHash.of("DFID-123", EventType.ENRICHED, "user-1", JsonObject.of(ba)));
    }

    @Test
    void otherHashVectors() {
        assertEquals("6a953581d60dbebc9749b56d2383277fb02b58d260b4ccf6f119108fa0f1d4ef", Hashes.blake3Hex("test data"));
        assertEquals("239b969c5e5d95683552cc30988f2468bb38266445c2369d2c9449fece14d377", Hashes.blake3Hex("EMPTY_NODE"));
        assertEquals("1364b552160ce868492f26168a19bc2baf54b914b9ba5cc79b2c07711cd00bbe",
                Hashes.blake3Hex("dfm_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"));
    }

    @Test
    void privateEventsAreFlaggedEncryptedAndVisibleOnlyToTheirCreator() {
        Event e = Event.record(UUID.randomUUID(), "DFID-1", EventType.UPDATED, "alice", EventVisibility.PRIVATE,
                JsonObject.EMPTY, Instant.EPOCH);
        assertTrue(e.encrypted());
        assertTrue(e.isVisibleTo("alice", Set.of()));
        assertFalse(e.isVisibleTo("bob", Set.of()));
    }

    @Test
    void visibilityRules() {
        UUID circuit = UUID.randomUUID();
        Event pub = Event.record(UUID.randomUUID(), "D", EventType.CREATED, "alice", EventVisibility.PUBLIC,
                JsonObject.EMPTY, Instant.EPOCH);
        Event circuitOnly = Event.record(UUID.randomUUID(), "D", EventType.PUSHED_TO_CIRCUIT, "alice",
                EventVisibility.CIRCUIT_ONLY, JsonObject.of("circuit_id", JsonValue.of(circuit.toString())),
                Instant.EPOCH);
        Event direct = new Event(UUID.randomUUID(), "D", EventType.UPDATED, Instant.EPOCH, "alice",
                JsonObject.of("recipient_id", JsonValue.of("carol")), false, EventVisibility.DIRECT, "h", null,
                false, null, 0);
        assertTrue(pub.isVisibleTo("bob", Set.of()));
        assertFalse(circuitOnly.isVisibleTo("bob", Set.of()));
        assertTrue(circuitOnly.isVisibleTo("bob", Set.of(circuit)));
        assertTrue(direct.isVisibleTo("carol", Set.of()));
        assertFalse(direct.isVisibleTo("bob", Set.of()));
    }

    @Test
    void localEventsLiveUnderATemporaryDfidUntilPushed() {
        UUID localId = UUID.randomUUID();
        UUID circuit = UUID.randomUUID();
        Event local = Event.recordLocal(UUID.randomUUID(), localId, EventType.UPDATED, "alice",
                EventVisibility.PUBLIC, JsonObject.of("weight", JsonValue.of("470kg")), Instant.EPOCH);
        assertTrue(local.local());
        assertEquals("LOCAL-EVENT-" + localId, local.dfid());
        Event pushed = local.pushedTo("DFID-20250101-000001-F7BD", circuit);
        assertFalse(pushed.local());
        assertEquals("DFID-20250101-000001-F7BD", pushed.dfid());
        assertEquals(circuit, pushed.pushedToCircuit());
        assertEquals(EventHash.of(pushed.dfid(), pushed.type(), "alice", pushed.metadata()), pushed.contentHash());
    }

    @Test
    void addingMetadataRecomputesTheHash() {
        Event e = Event.record(UUID.randomUUID(), "D", EventType.CREATED, "u", EventVisibility.PUBLIC,
                JsonObject.EMPTY, Instant.EPOCH);
        Event more = e.withMetadata(JsonObject.of("k", JsonValue.of("v")));
        assertEquals(EventHash.of("D", EventType.CREATED, "u", JsonObject.of("k", JsonValue.of("v"))),
                more.contentHash());
    }

    @Test
    void typesAndVisibilitiesParseCaseInsensitively() {
        assertEquals(EventType.PUSHED_TO_CIRCUIT, EventType.parse("pushedtocircuit").orElseThrow());
        assertEquals(EventVisibility.CIRCUIT_ONLY, EventVisibility.parseRequested("CircuitOnly").orElseThrow());
        assertTrue(EventVisibility.parseRequested("direct").isEmpty(), "direct cannot be requested");
        assertTrue(EventType.parse("exploded").isEmpty());
    }
}
