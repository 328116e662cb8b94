package net.defarm.application.epcis;

import net.defarm.domain.audit.AuditEventType;
import net.defarm.application.audit.AuditTrail;
import net.defarm.application.audit.AuditFact;
import java.util.List;
import java.util.UUID;
import net.defarm.application.circuits.CircuitQueries;
import net.defarm.application.events.EventQueries;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.epcis.EpcisDocuments;
import net.defarm.domain.events.Event;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonObject;

/**
 * Exports timelines as EPCIS 2.0 documents, one EPCISDocument per page. Who may export is who may read: the item's
 * timeline for its readers ({@link ItemAccess}, {@link EventQueries}), a circuit's item events for its members
 * ({@link CircuitQueries}); each event is included only if the caller may see it.
 */
@UseCase
public final class ExportEpcis {

    /** One page: the document and the cursor of the next page, if any. */
    public record EpcisPage(JsonObject document, String nextCursor) {
    }

    private final ItemAccess items;
    private final EventQueries events;
    private final CircuitQueries circuits;
    private final Clock clock;

    private final AuditTrail audit;

    public ExportEpcis(ItemAccess items, EventQueries events, CircuitQueries circuits, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.items = items;
        this.events = events;
        this.circuits = circuits;
        this.clock = clock;
    }

    /** The item's visible events; its identifiers in the creation's ILMD (personal ones for the owner only). */
    public EpcisPage item(Actor actor, String dfid, PageRequest page) {
        Item item = items.readable(actor, dfid);
        List<Identifier> identifiers = ItemAccess.isOwner(actor, item) ? item.identifiers()
                : EpcisDocuments.withoutPersonal(item.identifiers());
        EpcisPage exported = document(events.forItem(actor, dfid, page), identifiers);
        // Reading another owner's item (through a circuit or a share) names that owner as the subject.
        audit.record(actor, AuditFact.of(AuditEventType.DATA, "epcis.export", "item", dfid)
                .subject(ItemAccess.isOwner(actor, item) ? null : item.ownerId()));
        return exported;
    }

    /** The circuit's item events the caller may see; no identifiers (a circuit's item list shows none either). */
    public EpcisPage circuit(Actor actor, UUID circuitId, PageRequest page) {
        EpcisPage exported = document(circuits.itemEvents(actor, circuitId, page), List.of());
        audit.record(actor, AuditFact.of(AuditEventType.DATA, "epcis.export", "circuit", circuitId.toString()));
        return exported;
    }

    private EpcisPage document(Page<Event> page, List<Identifier> identifiers) {
        List<JsonObject> events = page.items().stream().map(e -> EpcisDocuments.event(e, identifiers)).toList();
        return new EpcisPage(EpcisDocuments.document(events, clock.now()), page.nextCursor());
    }
}
