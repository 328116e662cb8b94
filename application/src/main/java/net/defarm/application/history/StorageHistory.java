package net.defarm.application.history;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.evidence.AnchorTargets;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.items.PublishedItems;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.AdapterAccess;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.evidence.LedgerEntry;
import net.defarm.domain.history.StorageLocation;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.history.StorageStatistics;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Where items' states were stored, and the CID timeline. Whoever may read an item (its owner, members of circuits
 * holding it, those it is shared with) may read its history; anyone may read the history of an item a publicly
 * accessible circuit publishes; everyone else gets 404. What a reader sees of it is narrower: the owner sees every
 * record and who caused it; anyone else only the records of circuits holding the item that they belong to or that
 * publish it publicly, without who caused them (an item pushed into a private circuit must not reveal that circuit,
 * its members or its documents through a public one). Marking a primary location is the owner's; a migration copies
 * the circuit's latest state to another adapter through the outbox, as the caller.
 */
@UseCase
public final class StorageHistory {

    private static final String CURSOR = "storage-history";
    /** Circuits examined per item for what a caller may see; an item is rarely in more than a handful. */
    private static final int MAX_CIRCUITS = 1_000;

    /** A migration that was queued: what will be copied where. */
    public record Migration(UUID messageId, String dfid, AdapterType target, UUID circuitId, StorageRecord source,
                            Instant queuedAt) {
    }

    /**
     * A page of an item's storage history as the caller may see it; {@code showsActors}: whether the caller may see
     * who caused each record (the item's owner only).
     */
    public record HistoryPage(Page<StorageRecord> page, long total, StorageLocation currentPrimary,
                              Instant updatedAt, boolean showsActors) {
    }

    /** A ledger network's head as this service holds it. */
    public record IndexingProgress(String network, long lastSequence, String lastHash, Instant lastAt,
                                   long totalEntries) {
    }

    private final HistoryPorts ports;
    private final ItemAccess access;
    private final PublishedItems published;
    private final AnchorRequests requests;
    private final Clock clock;

    public StorageHistory(HistoryPorts ports, ItemAccess access, PublishedItems published, Clock clock) {
        this.ports = ports;
        this.access = access;
        this.published = published;
        this.requests = new AnchorRequests(ports.outbox(), clock);
        this.clock = clock;
    }

    /**
     * One page of the item's records the caller may see, in timeline order, how many of them there are, and the
     * current primary location (the one marked primary, else the newest visible record's; null when nothing visible
     * was stored). {@code actor} null reads as the public.
     */
    public HistoryPage history(Actor actor, String dfid, PageRequest page) {
        HistoryScope scope = scope(actor, dfid);
        long after = page.cursor() == null ? 0 : sequence(Cursor.decode(CURSOR, page.cursor(), 1).getFirst());
        Page<StorageRecord> records = Page.of(ports.history().history(dfid, scope, after, page.limit() + 1),
                page.limit(), r -> Cursor.encode(CURSOR, Long.toString(r.timelineSequence())));
        Optional<StorageRecord> latest = ports.history().latest(dfid, scope);
        StorageLocation primary = ports.history().primary(dfid).filter(scope::includes).or(() -> latest)
                .map(StorageLocation::main).orElse(null);
        return new HistoryPage(records, ports.history().count(dfid, scope), primary,
                latest.map(StorageRecord::storedAt).orElse(null), scope.everything());
    }

    /** One place of the item's timeline, if the caller may see that record (else 404, as for a missing one). */
    public StorageRecord timelineEntry(Actor actor, String dfid, long sequence) {
        HistoryScope scope = scope(actor, dfid);
        return ports.history().find(dfid, sequence).filter(scope::includes).orElseThrow(() -> new NotFoundException(
                "TIMELINE_ENTRY_NOT_FOUND", "Timeline entry not found"));
    }

    /** Counts over the caller's own items only. */
    public StorageStatistics statistics(Actor actor) {
        return ports.history().statistics(actor.userId());
    }

    /** Marks the recorded {@code location} the item's primary one; the item's owner only. */
    public StorageRecord markPrimary(Actor actor, String dfid, StorageLocation location) {
        Item item = access.readable(actor, dfid);
        if (!ItemAccess.isOwner(actor, item)) {
            throw new PermissionDeniedException("NOT_ITEM_OWNER",
                    "Permission denied: only the item's owner can choose its primary storage");
        }
        return ports.unitOfWork().inTransaction(() -> {
            StorageRecord record = ports.history().newestAt(dfid, location).orElseThrow(() -> new NotFoundException(
                    "STORAGE_LOCATION_NOT_FOUND", "This item has no recorded storage location like that"));
            ports.history().markPrimary(dfid, record.recordId());
            return record.withPrimary(true);
        });
    }

    /**
     * Queues a copy of the item's state last stored within {@code circuitId} (never another circuit's document) to
     * {@code targetType}, recorded as a migration within that circuit: the caller must be able to push there and
     * hold access to that adapter.
     */
    public Migration migrate(Actor actor, String dfid, String targetType, UUID circuitId) {
        access.readable(actor, dfid);
        AdapterType target = AdapterType.parse(targetType).orElseThrow(() -> new InvalidInputException(
                "INVALID_ADAPTER_TYPE", "Unknown adapter type: " + targetType));
        if (AnchorTargets.of(target).filter(AnchorTargets.Target::storesContent).isEmpty()) {
            throw new InvalidInputException("ADAPTER_NOT_SUPPORTED",
                    "Adapter type " + target.wireName() + " cannot store item states in this deployment");
        }
        Circuit circuit = ports.circuits().findById(circuitId).filter(c -> c.isMember(actor.userId()))
                .orElseThrow(() -> new NotFoundException("CIRCUIT_NOT_FOUND", "Circuit not found"));
        if (!ports.circuitItems().contains(circuitId, dfid)) {
            throw new NotFoundException("ITEM_NOT_IN_CIRCUIT", "The item is not in this circuit");
        }
        circuit.require(actor.userId(), Permission.PUSH, "store items of this circuit");
        var user = ports.users().findById(actor.userId())
                .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
        if (!AdapterAccess.held(user).contains(target)) {
            throw new PermissionDeniedException("ADAPTER_PERMISSION_DENIED",
                    "Adapter permission denied: you have no access to the '" + target.variantName() + "' adapter");
        }
        return ports.unitOfWork().inTransaction(() -> {
            StorageRecord latest = ports.history().latest(dfid, HistoryScope.within(Set.of(circuitId)))
                    .orElseThrow(() -> new ConflictException("NO_STORED_STATE",
                            "The item has no stored state in this circuit to migrate yet"));
            UUID id = requests.enqueue(new AnchorRequest(dfid, circuitId, target, StorageRecord.MIGRATION,
                    actor.userId(), latest.cid()));
            return new Migration(id, dfid, target, circuitId, latest, clock.now());
        });
    }

    /** The local ledger's head of {@code network} (one of the Stellar stand-ins). */
    public IndexingProgress indexingProgress(String network) {
        if (!List.of(AnchorTargets.STELLAR_TESTNET, AnchorTargets.STELLAR_MAINNET).contains(network)) {
            throw new InvalidInputException("INVALID_NETWORK", "Invalid network: use "
                    + AnchorTargets.STELLAR_TESTNET + " or " + AnchorTargets.STELLAR_MAINNET);
        }
        var head = ports.ledger().head(network).orElseThrow(() -> new NotFoundException("NO_INDEXING_PROGRESS",
                "Nothing has been anchored on " + network + " yet"));
        Instant at = ports.ledger().find(network, head.sequence()).map(LedgerEntry::recordedAt).orElse(null);
        // Sequences start at 1 without gaps (the chain check refuses a gap), so the head's is the count.
        return new IndexingProgress(network, head.sequence(), head.entryHash(), at, head.sequence());
    }

    /**
     * The records {@code actor} may see (404 when the item itself is not readable, or for the public not
     * published): all of the owner's; else those of circuits holding the item that the caller belongs to or that
     * are publicly accessible and publish it.
     */
    private HistoryScope scope(Actor actor, String dfid) {
        if (actor != null) {
            if (ItemAccess.isOwner(actor, access.readable(actor, dfid))) {
                return HistoryScope.ALL;
            }
        } else if (!published.isPublished(dfid)) {
            throw new NotFoundException("ITEM_NOT_PUBLIC", "Item not found in any public circuit");
        }
        Instant now = clock.now();
        Set<UUID> visible = new HashSet<>();
        for (UUID id : ports.circuitItems().circuitsContaining(dfid, MAX_CIRCUITS)) {
            ports.circuits().findById(id)
                    .filter(c -> actor != null && c.isMember(actor.userId())
                            || c.isPubliclyAccessible(now) && published.isPublishedIn(c, dfid))
                    .ifPresent(c -> visible.add(id));
        }
        return HistoryScope.within(visible);
    }

    private static long sequence(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
        }
    }
}
