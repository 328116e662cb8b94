package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.circuits.CircuitActivityRepository;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.domain.circuits.AccessMode;
import net.defarm.domain.circuits.Activity;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitAdapterConfig;
import net.defarm.domain.circuits.CircuitAliasConfig;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.CircuitPermissions;
import net.defarm.domain.circuits.CustomRole;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.circuits.PublicSettings;
import net.defarm.domain.integrity.SnapshotOperation;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.items.Item;
import net.defarm.domain.notifications.Notification;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.JsonNumber;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.StaleUpdateException;
import org.junit.jupiter.api.Test;

/** Circuits, circuit items, operations, activities, notifications, snapshots (storage contract cases CIR, CI, COP, ACT, NOT, SNP, docs/storage-modes.md). */
public abstract class CircuitStoreContract extends StoreContract {

    public static Circuit fullCircuit(String owner, String member, String requester) {
        Instant t = micros("2025-04-04T04:04:04.040404Z");
        Circuit c = Circuit.create(UUID.randomUUID(), "Lote ✓", "desc", owner, CircuitAliasConfig.grainLots(),
                new CircuitPermissions(true, false, false), null, new CircuitAdapterConfig(AdapterType.parse(
                "custom-acme").orElseThrow(), owner, t, true, false, true), t);
        c = c.withMember(member, MemberRole.ADMIN, t.plusSeconds(1));
        c = c.withCustomRole(new CustomRole(UUID.randomUUID(), "Auditor", EnumSet.of(Permission.AUDIT,
                Permission.PULL), "audits", "#fff", t, owner, false), t);
        c = c.withMemberRole(member, MemberRole.ADMIN, "Auditor", t);
        c = c.withJoinRequest(requester, "please ✓", t.plusSeconds(2));
        c = c.withPublicSettings(new PublicSettings(AccessMode.SCHEDULED, t.plusSeconds(99), "$2b$hash", "Pub", "pd",
                "#111", "#222", "http://logo", "tag", "foot", List.of("DFID-1", "DFID-2"), true, true, true, "Created",
                "rules", "Members", null), t.plusSeconds(3));
        return c;
    }

    @Test
    void circuitsRoundTripEveryPartAndStayVersioned() {
        String owner = newOwner();
        String member = newOwner();
        Circuit c = fullCircuit(owner, member, "user-requester");
        Circuit stored = store.unitOfWork().inTransaction(() -> store.circuits().insert(c));
        assertEquals(c.atVersion(1), stored);
        assertEquals(stored, store.circuits().findById(c.circuitId()).orElseThrow());
        Circuit decided = stored.rejectingJoin("user-requester", micros("2025-05-05T00:00:00Z"))
                .deactivated(micros("2025-05-05T00:00:00Z"));
        Circuit updated = store.unitOfWork().inTransaction(() -> store.circuits().update(decided));
        assertEquals(2, updated.version());
        assertEquals(updated, store.circuits().findById(c.circuitId()).orElseThrow());
        assertThrows(StaleUpdateException.class, () -> store.unitOfWork().inTransaction(() ->
                store.circuits().update(stored)));
        assertTrue(store.circuits().findById(UUID.randomUUID()).isEmpty());
    }

    @Test
    void membersFindTheirCircuitsIncludingOwnedOnesAndOthersDoNot() {
        String owner = newOwner();
        String member = newOwner();
        Circuit c = store.unitOfWork().inTransaction(() -> store.circuits().insert(
                Circuit.create(UUID.randomUUID(), "C", "d", owner, null, null, null, null,
                        micros("2025-01-01T00:00:00Z")).withMember(member, MemberRole.VIEWER,
                        micros("2025-01-01T00:00:01Z"))));
        Circuit pub = store.unitOfWork().inTransaction(() -> store.circuits().insert(
                Circuit.create(UUID.randomUUID(), "P", "d", newOwner(), null, new CircuitPermissions(false, false,
                        true), null, null, micros("2025-01-02T00:00:00Z"))));
        assertEquals(List.of(c), store.circuits().find(new CircuitRepository.CircuitQuery(owner, false, null), null,
                10));
        assertEquals(List.of(c, pub), store.circuits().find(new CircuitRepository.CircuitQuery(member, true, null),
                null, 10));
        assertEquals(List.of(pub), store.circuits().find(new CircuitRepository.CircuitQuery("user-nobody", true,
                null), null, 10));
        assertEquals(List.of(pub), store.circuits().find(new CircuitRepository.CircuitQuery(member, true, null),
                CircuitRepository.CircuitKey.of(c), 10));
        assertEquals(Set.of(c.circuitId()), store.memberCircuits().circuitsOf(member));
        assertEquals(Set.of(), store.memberCircuits().circuitsOf("user-nobody"));
    }

    @Test
    void circuitItemsAreIdempotentOrderedAndDriveSharing() {
        String owner = newOwner();
        String member = newOwner();
        Circuit c = store.unitOfWork().inTransaction(() -> store.circuits().insert(Circuit.create(UUID.randomUUID(),
                "C", "d", owner, null, null, null, null, micros("2025-01-01T00:00:00Z"))
                .withMember(member, MemberRole.VIEWER, micros("2025-01-01T00:00:00Z"))));
        for (String dfid : List.of("DFID-B", "DFID-A")) {
            store.unitOfWork().inTransaction(() -> store.items().insert(Item.create(dfid, List.of(), null,
                    UUID.randomUUID(), owner, micros("2025-01-01T00:00:00Z"))));
        }
        Instant t = micros("2025-02-02T00:00:00.5Z");
        store.unitOfWork().inTransaction(() -> {
            store.circuitItems().put(new CircuitItem(c.circuitId(), "DFID-B", owner, t));
            store.circuitItems().put(new CircuitItem(c.circuitId(), "DFID-A", owner, t));
            store.circuitItems().put(new CircuitItem(c.circuitId(), "DFID-B", member, t.plusSeconds(1)));
        });
        assertEquals(List.of(new CircuitItem(c.circuitId(), "DFID-A", owner, t),
                new CircuitItem(c.circuitId(), "DFID-B", member, t.plusSeconds(1))),
                store.circuitItems().find(c.circuitId(), null, 10));
        assertEquals(2, store.circuitItems().count(c.circuitId()));
        assertEquals(List.of(c.circuitId()), store.circuitItems().circuitsContaining("DFID-A", 10));
        assertEquals(List.of(), store.circuitItems().circuitsContaining("DFID-NONE", 10));
        assertTrue(store.itemSharing().isSharedWith("DFID-A", member));
        assertFalse(store.itemSharing().isSharedWith("DFID-A", "user-nobody"));
        assertTrue(store.unitOfWork().inTransaction(() -> store.circuitItems().remove(c.circuitId(), "DFID-A")));
        assertFalse(store.unitOfWork().inTransaction(() -> store.circuitItems().remove(c.circuitId(), "DFID-A")));
        assertFalse(store.circuitItems().contains(c.circuitId(), "DFID-A"));
        assertFalse(store.itemSharing().isSharedWith("DFID-A", member));
    }

    @Test
    void operationsAndActivitiesRoundTripAndActivitiesAreAppendedOnce() {
        String owner = newOwner();
        Circuit c = store.unitOfWork().inTransaction(() -> store.circuits().insert(Circuit.create(UUID.randomUUID(),
                "C", "d", owner, null, null, null, null, micros("2025-01-01T00:00:00Z"))));
        CircuitOperation op = CircuitOperation.start(UUID.randomUUID(), c.circuitId(), "DFID-X",
                CircuitOperation.Type.PULL, owner, true, micros("2025-03-03T03:03:03.333333Z"));
        CircuitOperation stored = store.unitOfWork().inTransaction(() -> store.operations().insert(op));
        assertEquals(op.atVersion(1), stored);
        CircuitOperation rejected = store.unitOfWork().inTransaction(() -> store.operations().update(
                stored.rejected(owner, "no", micros("2025-03-04T00:00:00Z"))));
        assertEquals(rejected, store.operations().findById(op.operationId()).orElseThrow());
        assertEquals(Map.of("rejection_reason", "no", "rejected_by", owner, "rejected_at",
                "2025-03-04T00:00:00Z"), rejected.metadata());
        assertEquals(List.of(), store.operations().find(c.circuitId(), CircuitOperation.Status.PENDING, null, 10));
        assertEquals(List.of(rejected), store.operations().find(c.circuitId(), null, null, 10));

        Activity a = Activity.completed(UUID.randomUUID(), CircuitOperation.Type.PUSH, c, "DFID-X", owner,
                micros("2025-03-05T00:00:00Z"));
        store.unitOfWork().inTransaction(() -> {
            store.activities().append(a);
            store.activities().append(a);
        });
        assertEquals(List.of(a), store.activities().find(c.circuitId(), null, 10));
    }

    @Test
    void activitiesAcrossCircuitsAreOneKeysetOrderFilteredByUser() {
        String owner = newOwner();
        List<Circuit> circuits = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            circuits.add(store.unitOfWork().inTransaction(() -> store.circuits().insert(Circuit.create(
                    UUID.randomUUID(), "C" + n, "d", owner, null, null, null, null, micros("2025-01-01T00:00:00Z")))));
        }
        List<Activity> all = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Activity a = Activity.completed(UUID.randomUUID(), CircuitOperation.Type.PUSH, circuits.get(i % 3),
                    "DFID-" + i, i % 2 == 0 ? owner : "someone-else", micros("2025-03-0" + (i + 1) + "T00:00:00Z"));
            store.unitOfWork().inTransaction(() -> store.activities().append(a));
            all.add(a);
        }
        List<UUID> ids = circuits.stream().map(Circuit::circuitId).toList();
        var port = store.activities();
        assertEquals(all.subList(0, 4), port.findAcross(ids, null, null, 4));
        assertEquals(all.subList(4, 6), port.findAcross(ids, null,
                CircuitActivityRepository.ActivityKey.of(all.get(3)), 4));
        assertEquals(List.of(all.get(0), all.get(2)), port.findAcross(ids, owner, null, 2));
        assertEquals(List.of(all.get(4)), port.findAcross(ids, owner,
                CircuitActivityRepository.ActivityKey.of(all.get(2)), 2));
        assertEquals(List.of(all.get(1), all.get(2), all.get(4), all.get(5)), port.findAcross(ids.subList(1, 3), null,
                null, 10));
        assertEquals(List.of(), port.findAcross(List.of(), owner, null, 10));
    }

    @Test
    void notificationsListNewestFirstAndCountAndMarkRead() {
        String user = "user-" + UUID.randomUUID();
        Instant t = micros("2025-06-06T00:00:00Z");
        Notification older = Notification.joinRequestRejected(UUID.randomUUID(), user, "C", "cid", "admin", t);
        Notification newer = Notification.adapterConfigUpdated(UUID.randomUUID(), user, "C", "cid", "ipfs-ipfs", true,
                "admin", t.plusSeconds(1));
        store.unitOfWork().inTransaction(() -> {
            store.notifications().insert(older);
            store.notifications().insert(newer);
            store.notifications().insert(newer);
        });
        assertEquals(List.of(newer, older), store.notifications().find(user, null, false, null, 10));
        assertEquals(List.of(newer), store.notifications().find(user, t, false, null, 10), "since is exclusive");
        assertEquals(List.of(older), store.notifications().find(user, null, false,
                NotificationRepository.NotificationKey.of(newer), 10));
        assertEquals(2, store.notifications().countUnread(user));
        assertTrue(store.unitOfWork().inTransaction(() -> store.notifications().markRead(older.id())));
        assertEquals(List.of(newer), store.notifications().find(user, null, true, null, 10));
        assertEquals(1, (int) store.unitOfWork().inTransaction(() -> store.notifications().markAllRead(user)));
        assertEquals(0, (int) store.unitOfWork().inTransaction(() -> store.notifications().markAllRead(user)));
        assertEquals(0, store.notifications().countUnread(user));
        assertTrue(store.unitOfWork().inTransaction(() -> store.notifications().delete(older.id())));
        assertTrue(store.notifications().findById(older.id()).isEmpty());
        assertEquals(JsonValue.of(true), newer.data().get("sponsor_adapter_access").orElseThrow());
    }

    @Test
    void snapshotChainsKeepExactContentAndRefuseATakenVersion() {
        JsonObject state = JsonObject.of(Map.of("n", JsonNumber.of(1e21), "f", JsonNumber.of(0.5),
                "u", JsonValue.of("é")));
        StateSnapshot v1 = StateSnapshot.next(null, StateSnapshot.EntityType.ITEM, "DFID-S", state,
                SnapshotOperation.itemPushedToCircuit("c1"), Map.of("k", "v"), micros("2025-01-01T00:00:00.5Z"),
                "u");
        store.unitOfWork().inTransaction(() -> {
            store.snapshots().lock(StateSnapshot.EntityType.ITEM, "DFID-S");
            store.snapshots().insert(v1);
        });
        StateSnapshot read = store.snapshots().latest(StateSnapshot.EntityType.ITEM, "DFID-S").orElseThrow();
        assertEquals(v1, read);
        assertEquals(v1.snapshotId(), read.recomputedId(), "the stored content still hashes to the id");
        assertThrows(ConflictException.class, () -> store.unitOfWork().inTransaction(() ->
                store.snapshots().insert(StateSnapshot.next(null, StateSnapshot.EntityType.ITEM, "DFID-S",
                        JsonObject.EMPTY, SnapshotOperation.itemCreated(), Map.of(),
                        micros("2025-01-02T00:00:00Z"), "u"))));
        assertEquals(List.of(v1), store.snapshots().find(StateSnapshot.EntityType.ITEM, "DFID-S", 0, 10));
        assertEquals(Optional.of(v1), store.snapshots().findById(v1.snapshotId()));
        assertEquals(Optional.empty(), store.snapshots().findById("0".repeat(64)));
    }
}
