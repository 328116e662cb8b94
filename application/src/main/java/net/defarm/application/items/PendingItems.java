package net.defarm.application.items;

import java.util.List;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.items.PendingPriority;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.NotFoundException;

/** Reviewing the caller's pending items: list, read, and resolve (approve, reject or modify). */
@UseCase
public final class PendingItems {

    public enum Action { APPROVE, REJECT, MODIFY }

    /** What a resolution did. */
    public sealed interface Resolution {
    }

    /** The approval passed: the item created or enriched, and the pending item removed. */
    public record Approved(Item item) implements Resolution {
    }

    /** The pending item as it now stands: modified, or approved but still breaking a rule. */
    public record StillPending(PendingItem pending) implements Resolution {
    }

    /** The pending item was removed without creating anything. */
    public record Rejected() implements Resolution {
    }

    private static final String CURSOR_KIND = "pending";

    private final PendingItemRepository pendingItems;
    private final EntityResolution resolution;
    private final UnitOfWork uow;
    private final Clock clock;

    public PendingItems(PendingItemRepository pendingItems, ItemRepository items, DfidIssuer dfids, UnitOfWork uow,
                        Clock clock) {
        this.pendingItems = pendingItems;
        this.resolution = new EntityResolution(items, dfids, clock);
        this.uow = uow;
        this.clock = clock;
    }

    /** Most urgent first. {@code reasonContains} matches the reason's text (e.g. "ConflictingDFIDs"). */
    public Page<PendingItem> list(Actor actor, String reasonContains, Integer priorityMin, PageRequest page) {
        PendingPriority min = null;
        if (priorityMin != null) {
            if (priorityMin < 1 || priorityMin > 4) {
                throw new InvalidInputException("priority_min must be between 1 (Low) and 4 (Critical)");
            }
            min = PendingPriority.ofLevel(priorityMin);
        }
        PendingItemRepository.PendingKey after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR_KIND, page.cursor(), 3);
            try {
                after = new PendingItemRepository.PendingKey(Integer.parseInt(parts.get(0)),
                        Cursor.instantFromMicros(parts.get(1)), UUID.fromString(parts.get(2)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
            }
        }
        PendingItemRepository.PendingQuery query = new PendingItemRepository.PendingQuery(actor.userId(),
                reasonContains, min);
        return Page.of(pendingItems.find(query, after, page.limit() + 1), page.limit(), p -> Cursor.encode(CURSOR_KIND,
                Integer.toString(p.priority().level()), Cursor.micros(p.createdAt()), p.pendingId().toString()));
    }

    public PendingItem get(Actor actor, UUID pendingId) {
        return pendingItems.findById(pendingId).filter(p -> p.ownerId().equals(actor.userId()))
                .orElseThrow(() -> new NotFoundException("PENDING_ITEM_NOT_FOUND", "Pending item not found"));
    }

    /**
     * Approve retries the submission: if it now passes, the item is created (or enriched) and the pending item
     * removed; if not, it stays pending with its priority raised. Reject removes it. Modify replaces its
     * identifiers and attributes and keeps it pending.
     */
    public Resolution resolve(Actor actor, UUID pendingId, Action action, List<Identifier> newIdentifiers,
                              JsonObject newEnrichedData) {
        return uow.<Resolution>inTransaction(() -> {
            PendingItem pending = get(actor, pendingId);
            return switch (action) {
                case REJECT -> {
                    pendingItems.delete(pendingId);
                    yield new Rejected();
                }
                case MODIFY -> new StillPending(pendingItems.update(pending.modified(
                        ItemInputs.bounded(newIdentifiers), newEnrichedData, clock.now())));
                case APPROVE -> switch (resolution.submit(pending.ownerId(), pending.identifiers(),
                        pending.enrichedData(), pending.sourceEntry())) {
                    case EntityResolution.Outcome.Held held -> new StillPending(pendingItems.update(
                            pending.retriedAndStillPending(held.reason(), clock.now())));
                    case EntityResolution.Outcome.Resolved resolved -> {
                        pendingItems.delete(pendingId);
                        yield new Approved(resolved.item());
                    }
                };
            };
        });
    }
}
