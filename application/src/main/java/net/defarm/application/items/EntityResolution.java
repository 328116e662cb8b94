package net.defarm.application.items;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Limits;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.PendingReason;
import net.defarm.domain.shared.JsonObject;

/**
 * The heart of item creation, shared by "create item" and "approve a pending item": a submission either breaks a
 * rule (and must be held as pending), or names an item the owner already has (which it enriches), or is new (and
 * gets a DFID). Resolution is scoped to the submitter's own items. Runs inside the caller's transaction.
 */
final class EntityResolution {

    /** Either the item created or enriched, or the reason the submission must be held. */
    sealed interface Outcome {
        /** The submission passed: the item created or enriched. */
        record Resolved(Item item) implements Outcome {
        }

        /** The submission broke a rule and must be held as pending. */
        record Held(PendingReason reason) implements Outcome {
        }
    }

    private final ItemRepository items;
    private final DfidIssuer dfids;
    private final Clock clock;

    EntityResolution(ItemRepository items, DfidIssuer dfids, Clock clock) {
        this.items = items;
        this.dfids = dfids;
        this.clock = clock;
    }

    Outcome submit(String ownerId, List<Identifier> identifiers, JsonObject enrichedData, UUID sourceEntry) {
        return submit(ownerId, identifiers, enrichedData, sourceEntry, false);
    }

    /** {@code locked}: the caller's transaction already holds the locks of these identifiers (a batch takes all). */
    Outcome submit(String ownerId, List<Identifier> identifiers, JsonObject enrichedData, UUID sourceEntry,
                   boolean locked) {
        List<Identifier> distinct = Item.distinct(identifiers);
        Map<String, List<String>> dfidsByKey = locked
                ? items.findDfidsByIdentifiers(ownerId, distinct, Limits.MAX_ITEMS_PER_IDENTIFIER)
                : items.lockAndFindDfids(ownerId, distinct, Limits.MAX_ITEMS_PER_IDENTIFIER);
        Optional<PendingReason> reason = PendingReason.detect(identifiers, enrichedData, dfidsByKey);
        if (reason.isPresent()) {
            return new Outcome.Held(reason.get());
        }
        for (Identifier id : distinct) {
            List<String> known = dfidsByKey.get(id.uniqueKey());
            if (!known.isEmpty()) {
                return new Outcome.Resolved(enrichExisting(known.getFirst(), distinct, enrichedData, sourceEntry));
            }
        }
        return new Outcome.Resolved(items.insert(Item.create(dfids.next(), distinct, enrichedData, sourceEntry,
                ownerId, clock.now())));
    }

    private Item enrichExisting(String dfid, List<Identifier> identifiers, JsonObject enrichedData, UUID source) {
        Item existing = items.findByDfid(dfid).orElseThrow(() -> ItemAccess.notFound(dfid));
        Item changed = existing.withIdentifiersAdded(identifiers, clock.now());
        if (enrichedData != null) {
            changed = changed.enrichedWith(enrichedData, source, clock.now());
        }
        return changed == existing ? existing : items.update(changed);
    }
}
