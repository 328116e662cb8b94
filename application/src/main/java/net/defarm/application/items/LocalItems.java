package net.defarm.application.items;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Limits;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.items.DuplicateGroup;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.items.MergeStrategy;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.DomainException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.NotFoundException;

/**
 * The workspace before tokenization: local items (LIDs) that a user creates, tidies up (merge, unmerge, find and
 * organize duplicates) and later pushes into a circuit to obtain a DFID.
 */
@UseCase
public final class LocalItems {

    /** Where a LID stands: still local, or tokenized under a DFID. */
    public record Mapping(UUID lid, String dfid) {
        public boolean tokenized() {
            return dfid != null;
        }
    }

    public record MergeResult(Item master, List<UUID> mergedLids) {
    }

    public record UnmergeResult(Item restored, String previousMasterLid) {
    }

    /** One duplicate group handled by organize: merged, refused, or (dry run) what would be merged. */
    public record GroupOutcome(UUID masterLid, List<UUID> mergedLids, String status, String reason) {
    }

    public record OrganizeResult(List<GroupOutcome> outcomes, int itemsBefore, int mergedCount, int itemsAfter,
                                 boolean dryRun) {
    }

    /** Duplicate groups examined per request; a larger workspace is organized over several calls. */
    public static final int MAX_GROUPS = 1000;

    private final ItemRepository items;
    private final LidMappingRepository mappings;
    private final UnitOfWork uow;
    private final Clock clock;

    public LocalItems(ItemRepository items, LidMappingRepository mappings, UnitOfWork uow, Clock clock) {
        this.items = items;
        this.mappings = mappings;
        this.uow = uow;
        this.clock = clock;
    }

    public Item create(Actor actor, List<Identifier> identifiers, JsonObject enrichedData) {
        Item item = Item.createLocal(UUID.randomUUID(), ItemInputs.nonBlank(identifiers), enrichedData,
                UUID.randomUUID(), actor.userId(), clock.now());
        return uow.inTransaction(() -> items.insert(item));
    }

    /** The caller's local item under this LID, or its DFID once tokenized. */
    public Mapping mapping(Actor actor, UUID lid) {
        Optional<String> dfid = mappings.findDfid(lid);
        Optional<Item> local = items.findByDfid(Item.localDfid(lid)).filter(i -> i.ownerId().equals(actor.userId()));
        if (local.isEmpty()) {
            // A tokenized LID stays visible to whoever owns the item it became.
            return dfid.flatMap(items::findByDfid).filter(i -> i.ownerId().equals(actor.userId()))
                    .map(i -> new Mapping(lid, i.dfid()))
                    .orElseThrow(() -> new NotFoundException("LOCAL_ITEM_NOT_FOUND", "Local item not found"));
        }
        return new Mapping(lid, dfid.orElse(null));
    }

    /**
     * Merges local items into a master: attributes combine by strategy, provenance is unioned, the others become
     * MergedInto(master). Identifiers are not merged. Only local (never pushed) items that are not merged away.
     */
    public MergeResult merge(Actor actor, UUID masterLid, List<UUID> mergeLids, MergeStrategy strategy) {
        if (mergeLids.isEmpty()) {
            throw new InvalidInputException("MISSING_FIELD", "At least one merge_lid must be provided");
        }
        if (mergeLids.size() > Limits.MAX_MERGE_LIDS) {
            throw new InvalidInputException("TOO_MANY_LIDS", "At most " + Limits.MAX_MERGE_LIDS + " merge_lids");
        }
        if (mergeLids.contains(masterLid)) {
            throw new InvalidInputException("SELF_MERGE", "Cannot merge: the master LID is also listed in merge_lids");
        }
        if (new HashSet<>(mergeLids).size() != mergeLids.size()) {
            throw new InvalidInputException("DUPLICATE_LIDS", "Cannot merge: a LID is listed twice in merge_lids");
        }
        return uow.inTransaction(() -> {
            Item master = mergeable(actor, masterLid, "Master LID not found", "master item");
            List<Item> others = new ArrayList<>();
            for (UUID lid : mergeLids) {
                others.add(mergeable(actor, lid, "Merge LID not found", "item " + lid));
            }
            return new MergeResult(mergeInto(master, others, strategy), mergeLids);
        });
    }

    private Item mergeInto(Item master, List<Item> others, MergeStrategy strategy) {
        JsonObject data = strategy.merge(master.enrichedData(), others.stream().map(Item::enrichedData).toList());
        List<UUID> sources = others.stream().flatMap(o -> o.sourceEntries().stream()).toList();
        Item merged = items.update(master.withMergedLocalData(data, sources, clock.now()));
        String masterLid = master.localId().toString();
        for (Item other : others) {
            items.update(other.withStatus(ItemStatus.mergedInto(masterLid), clock.now()));
        }
        return merged;
    }

    private Item mergeable(Actor actor, UUID lid, String notFound, String what) {
        // Ownership first: another owner's LID is unknown to the caller, whatever its state.
        Item item = items.findByDfid(Item.localDfid(lid)).filter(i -> i.ownerId().equals(actor.userId()))
                .orElseThrow(() -> new NotFoundException("LOCAL_ITEM_NOT_FOUND", notFound));
        if (mappings.findDfid(lid).isPresent()) {
            throw new ConflictException("ALREADY_TOKENIZED", "Cannot merge: " + what
                    + " has already been pushed to a circuit");
        }
        if (item.status().kind() == ItemStatus.Kind.MERGED_INTO) {
            throw new ConflictException("ALREADY_MERGED", "Cannot merge: " + what
                    + " has already been merged into another item");
        }
        return item;
    }

    /** Restores a merged-away local item to Active. The master keeps what it absorbed. */
    public UnmergeResult unmerge(Actor actor, UUID mergedLid) {
        return uow.inTransaction(() -> {
            Item item = items.findByDfid(Item.localDfid(mergedLid)).filter(i -> i.ownerId().equals(actor.userId()))
                    .orElseThrow(() -> new NotFoundException("LOCAL_ITEM_NOT_FOUND", "Merged item not found"));
            if (item.status().kind() != ItemStatus.Kind.MERGED_INTO) {
                throw new ConflictException("NOT_MERGED", "Item " + mergedLid
                        + " is not in MergedInto status, cannot unmerge");
            }
            String previousMaster = item.status().mergedIntoLid();
            return new UnmergeResult(items.update(item.withStatus(ItemStatus.ACTIVE, clock.now())), previousMaster);
        });
    }

    public List<DuplicateGroup> duplicates(Actor actor) {
        return items.findLocalDuplicates(actor.userId(), MAX_GROUPS);
    }

    /**
     * Merges every duplicate group into its oldest item (or, on a dry run, reports what it would do). Each group
     * is its own transaction, so one refused group does not undo the others.
     */
    public OrganizeResult organize(Actor actor, MergeStrategy strategy, boolean dryRun) {
        List<DuplicateGroup> groups = duplicates(actor);
        List<GroupOutcome> outcomes = new ArrayList<>();
        int before = 0;
        int merged = 0;
        for (DuplicateGroup group : groups) {
            before += group.items().size();
            Item master = group.suggestedMaster();
            List<UUID> others = group.items().stream().skip(1).map(Item::localId).toList();
            if (dryRun) {
                outcomes.add(new GroupOutcome(master.localId(), others, "would_merge", null));
                continue;
            }
            try {
                merge(actor, master.localId(), others, strategy);
                merged += others.size();
                outcomes.add(new GroupOutcome(master.localId(), others, "success", null));
            } catch (DomainException e) {
                outcomes.add(new GroupOutcome(master.localId(), others, "error", e.getMessage()));
            }
        }
        int wouldMerge = groups.stream().mapToInt(g -> g.items().size() - 1).sum();
        return new OrganizeResult(outcomes, before, dryRun ? wouldMerge : merged, before - merged, dryRun);
    }
}
