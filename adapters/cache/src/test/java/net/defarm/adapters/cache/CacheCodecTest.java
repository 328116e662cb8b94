package net.defarm.adapters.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.contract.CircuitStoreContract;
import net.defarm.application.contract.ItemRepositoryContract;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonNumber;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;

/** Every cached type survives Redis exactly, and what cannot be read back is a miss (CACHE-07). */
class CacheCodecTest {

    private final CacheCodec codec = new CacheCodec();

    private <V> void roundTrips(V value, JavaType type) {
        String encoded = codec.encode(Optional.of(value));
        assertTrue(encoded.startsWith("v1|"), encoded);
        assertEquals(Optional.of(Optional.of(value)), codec.decode(encoded, type), encoded);
    }

    @Test
    void anItemWithEveryFieldRoundTrips() {
        Item item = ItemRepositoryContract.fullItem("DFID-20250102-000001-0001", "user-1").atVersion(7);
        roundTrips(item, codec.type(Item.class));
    }

    @Test
    void aCircuitWithEveryPartRoundTrips() {
        Circuit circuit = CircuitStoreContract.fullCircuit("user-o", "user-m", "user-r").atVersion(3);
        roundTrips(circuit, codec.type(Circuit.class));
    }

    @Test
    void anAccountRoundTrips() {
        Instant t = Instant.parse("2025-01-01T00:00:00.123456Z");
        UserAccount account = new UserAccount("user-1", "Ana", "ana@example.com", "$2b$12$hash", UserTier.ENTERPRISE,
                AccountStatus.SUSPENDED, Long.MAX_VALUE, t, t.plusSeconds(1), t.plusSeconds(2), true, "ana-workspace",
                List.of("ipfs-ipfs", "stellar-testnet-ipfs"), 4);
        roundTrips(account, codec.type(UserAccount.class));
        roundTrips(new UserAccount("user-2", "Bo", "bo@example.com", "$2b$04$h", UserTier.BASIC, AccountStatus.ACTIVE,
                0, t, t, null, false, "bo-workspace", null, 0), codec.type(UserAccount.class));
    }

    @Test
    void aTimelineOfEveryKindOfEventRoundTrips() {
        Instant t = Instant.parse("2025-05-05T05:05:05.123456Z");
        JsonObject meta = JsonObject.of(Map.of("n", JsonNumber.of(1e21), "s", JsonValue.of("é"), "circuit_id",
                JsonValue.of(UUID.randomUUID().toString())));
        Event pub = Event.record(UUID.randomUUID(), "DFID-1", EventType.CREATED, "u1", EventVisibility.PUBLIC, meta, t);
        Event local = Event.recordLocal(UUID.randomUUID(), UUID.randomUUID(), EventType.UPDATED, "u1",
                EventVisibility.PRIVATE, JsonObject.EMPTY, t).atVersion(2);
        Event pushed = local.pushedTo("DFID-1", UUID.randomUUID());
        Event circuitOnly = Event.record(UUID.randomUUID(), "DFID-1", EventType.PUSHED_TO_CIRCUIT, "u2",
                EventVisibility.CIRCUIT_ONLY, meta, t.plusSeconds(1));
        roundTrips(new Timeline(List.of(pub, local, pushed, circuitOnly), true), codec.type(Timeline.class));
        roundTrips(new Timeline(List.of(), false), codec.type(Timeline.class));
    }

    @Test
    void membershipsAndMappingsRoundTrip() {
        roundTrips(Set.of(UUID.randomUUID(), UUID.randomUUID()), codec.type(Set.class, UUID.class));
        roundTrips("DFID-20250101-000001-F7BD", codec.type(String.class));
    }

    @Test
    void knownAbsenceIsCachedAsItsOwnMarker() {
        String encoded = codec.encode(Optional.empty());
        assertEquals(Optional.of(Optional.empty()), codec.decode(encoded, codec.type(Item.class)));
    }

    @Test
    void entriesOfAnotherShapeOrVersionAreMisses() {
        JavaType type = codec.type(Item.class);
        assertEquals(Optional.empty(), codec.decode("garbage", type));
        assertEquals(Optional.empty(), codec.decode("v0|{}", type));
        assertEquals(Optional.empty(), codec.decode("v1|{\"dfid\":\"DFID-1\"}", type), "missing fields");
        assertEquals(Optional.empty(), codec.decode("v1|{\"dfid\":\"DFID-1\",\"colour\":\"red\"}", type),
                "unknown fields");
        assertEquals(Optional.empty(), codec.decode("v1|{not json", type));
        assertEquals(Optional.empty(), codec.decode(null, type));
    }
}
