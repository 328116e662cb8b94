package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.circuits.ManageCircuits;
import net.defarm.application.items.ItemStoredAsPendingException;
import net.defarm.application.shared.Actor;
import net.defarm.application.storage.AggregateKind;
import net.defarm.application.storage.ImportRecords;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.Fixture;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.CircuitPermissions;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.items.Dfid;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * A store exports every record kind, and importing an export into an empty store gives back the same records
 * (versions aside: an import stores each record afresh), idempotently, with the DFID sequence moved past them.
 */
public abstract class StoreExportContract extends StoreContract {

    /** Builds one of every kind of record through the use cases. */
    private void fill(StoragePorts store) {
        Fixture f = new Fixture(store);
        Actor owner = f.newUser("owner");
        Actor member = f.newUser("member");
        Actor requester = f.newUser("requester");
        Item item = f.createItem(owner, JsonObject.of("peso", JsonValue.of(450)), Fixture.sisbov("BR123456789012"),
                Fixture.lote("L-1"));
        assertThrows(ItemStoredAsPendingException.class, () -> f.createItem(owner, null));
        f.events.recordEvent().record(owner, item.dfid(), EventType.ENRICHED, EventVisibility.PUBLIC,
                JsonObject.of("vacina", JsonValue.of("aftosa")));
        f.events.recordEvent().recordLocal(member, EventType.UPDATED, EventVisibility.PRIVATE, JsonObject.EMPTY);
        Circuit c = f.circuits.manage().create(owner, new ManageCircuits.NewCircuit("Lote", "d", null,
                new CircuitPermissions(true, false, false), null, null));
        f.circuits.membership().addMember(owner, c.circuitId(), member.userId(), MemberRole.MEMBER);
        f.circuits.join().request(requester, c.circuitId(), "please");
        f.circuits.push().pushLocal(member, c.circuitId(), UUID.randomUUID(), List.of(Fixture.lote("M-1")), null);
        CircuitOperation pending = f.circuits.push().push(owner, c.circuitId(), item.dfid());
        f.circuits.approvals().approve(owner, pending.operationId());
    }

    private static Map<AggregateKind, List<Object>> export(StoragePorts store) {
        Map<AggregateKind, List<Object>> all = new EnumMap<>(AggregateKind.class);
        for (AggregateKind kind : AggregateKind.values()) {
            List<Object> records = new ArrayList<>();
            store.export().forEach(kind, records::add);
            assertEquals(store.export().count(kind), records.size(), kind + " count");
            all.put(kind, records);
        }
        return all;
    }

    private static Map<AggregateKind, Set<Object>> comparable(Map<AggregateKind, List<Object>> export) {
        Map<AggregateKind, Set<Object>> out = new EnumMap<>(AggregateKind.class);
        export.forEach((k, v) -> out.put(k, Set.copyOf(v.stream().map(AggregateKind::unversioned).toList())));
        return out;
    }

    @Test
    void everyKindIsExportedAndAnImportGivesTheSameRecordsBack() {
        fill(store);
        Map<AggregateKind, List<Object>> before = export(store);
        for (AggregateKind kind : AggregateKind.values()) {
            assertTrue(!before.get(kind).isEmpty(), "the fixture made at least one " + kind.wireName());
        }
        long highest = before.get(AggregateKind.ITEM).stream().map(r -> Dfid.parse(((Item) r).dfid()))
                .flatMap(java.util.Optional::stream).mapToLong(Dfid::sequence).max().orElseThrow();

        StoragePorts target = newStorage();
        assertEquals(0, target.export().count(AggregateKind.ITEM), "a fresh store is empty");
        ImportRecords importer = new ImportRecords(target, target.export());
        for (AggregateKind kind : AggregateKind.values()) {
            List<Object> records = before.get(kind);
            int half = records.size() / 2;
            ImportRecords.Outcome first = importer.importBatch(kind, records.subList(0, half));
            ImportRecords.Outcome rest = importer.importBatch(kind, records);
            assertEquals(half, first.imported());
            assertEquals(records.size() - half, rest.imported(), kind + ": the rest, once");
            assertEquals(half, rest.alreadyPresent(), kind + ": a resumed import skips what is there");
        }
        assertEquals(comparable(before), comparable(export(target)));

        Fixture again = new Fixture(target);
        Actor someone = again.newUser("later");
        Item fresh = again.createItem(someone, null, Fixture.lote("after-import"));
        assertTrue(Dfid.parse(fresh.dfid()).orElseThrow().sequence() > highest,
                "a new item never takes an imported DFID");
    }
}
