package net.defarm.application.epcis;

import net.defarm.domain.audit.AuditEventType;
import net.defarm.application.audit.AuditTrail;
import net.defarm.application.audit.AuditFact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.events.EventRepository;
import net.defarm.application.integrity.ItemSnapshots;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.epcis.EpcisImport;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;

/**
 * Records the events of an EPCIS document on items the caller owns, all or none in one transaction. Each event
 * keeps its eventTime; the caller is its source. The same event recorded again is found by the event content hash
 * (item, type, source, metadata) and not stored twice, exactly as for events recorded one by one.
 */
@UseCase
public final class ImportEpcis {

    /** One imported event: as stored, and whether an identical one was already there. */
    public record Imported(Event event, boolean deduplicated) {
    }

    private final ItemAccess items;
    private final EventRepository events;
    private final ItemSnapshots snapshots;
    private final UnitOfWork uow;

    private final AuditTrail audit;

    public ImportEpcis(ItemAccess items, EventRepository events, ItemSnapshots snapshots, UnitOfWork uow,
                       AuditTrail audit) {
        this.audit = audit;
        this.items = items;
        this.events = events;
        this.snapshots = snapshots;
        this.uow = uow;
    }

    /**
     * @param target the item every event is recorded on; empty: each event's epcList names its item by DFID URI
     */
    public List<Imported> importDocument(Actor actor, JsonObject document, Optional<String> target,
                                         EventVisibility visibility) {
        List<EpcisImport.ImportedEvent> parsed = EpcisImport.read(document);
        return uow.inTransaction(() -> {
            Map<String, Item> owned = new LinkedHashMap<>();
            List<Imported> out = new ArrayList<>();
            for (int i = 0; i < parsed.size(); i++) {
                EpcisImport.ImportedEvent in = parsed.get(i);
                int index = i;
                String dfid = target.or(in::dfid).orElseThrow(() -> new InvalidInputException("INVALID_EPCIS",
                        "epcisBody.eventList[" + index + "].epcList names no DFID URI (or give the item as ?dfid=)"));
                Item item = owned.computeIfAbsent(dfid, d -> items.writable(actor, d));
                Event event = Event.record(UUID.randomUUID(), dfid, in.type(), actor.userId(), visibility,
                        in.metadata(), in.eventTime());
                EventRepository.InsertOutcome outcome = events.insertIfAbsent(event);
                if (outcome.inserted()) {
                    snapshots.afterEvent(outcome.event(), Optional.of(item));
                }
                out.add(new Imported(outcome.event(), !outcome.inserted()));
            }
            audit.record(actor, AuditFact.of(AuditEventType.DATA, "epcis.import", "item",
                    owned.size() == 1 ? owned.keySet().iterator().next() : null)
                    .detail("events", net.defarm.domain.shared.JsonValue.of(out.size())));
            return out;
        });
    }
}
