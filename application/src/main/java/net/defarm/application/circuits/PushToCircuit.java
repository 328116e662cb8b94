package net.defarm.application.circuits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.credits.CreditCharges;
import net.defarm.application.events.EventRepository;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.integrity.ItemSnapshots;
import net.defarm.application.items.DfidIssuer;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.items.ItemInputs;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.items.LidMappingRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Limits;
import net.defarm.application.shared.Retry;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.AdapterAccess;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.credits.ChargedOperation;
import net.defarm.domain.events.Event;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.items.ExternalAlias;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.DomainException;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Putting things into a circuit: an item by its DFID, many at once, a workspace item that is tokenized into a DFID
 * on the way (push-local), and local events attached to an item of the circuit.
 */
@UseCase
public final class PushToCircuit {

    public enum TokenizationStatus { NEW_ITEM_CREATED, EXISTING_ITEM_ENRICHED }

    public record Tokenization(String dfid, TokenizationStatus status, UUID operationId, UUID localId) {
    }

    public record BatchResult(String dfid, boolean success, String error, String errorCode) {
    }

    public record EventPush(UUID localEventId, UUID eventId, String dfid, boolean deduplicated,
                            UUID originalEventId) {
    }

    private final CircuitStore store;
    private final CircuitTraffic traffic;
    private final ItemRepository items;
    private final ItemAccess access;
    private final LidMappingRepository mappings;
    private final CircuitItemRepository circuitItems;
    private final EventRepository events;
    private final UserAccountRepository users;
    private final DfidIssuer dfids;
    private final ItemSnapshots snapshots;
    private final CircuitItemEvents itemEvents;
    private final CreditCharges charges;

    PushToCircuit(CircuitStore store, CircuitTraffic traffic, ItemRepository items, ItemAccess access,
                  LidMappingRepository mappings, CircuitItemRepository circuitItems, EventRepository events,
                  UserAccountRepository users, DfidIssuer dfids, ItemSnapshots snapshots,
                  CircuitItemEvents itemEvents, CreditCharges charges) {
        this.store = store;
        this.traffic = traffic;
        this.items = items;
        this.access = access;
        this.mappings = mappings;
        this.circuitItems = circuitItems;
        this.events = events;
        this.users = users;
        this.dfids = dfids;
        this.snapshots = snapshots;
        this.itemEvents = itemEvents;
        this.charges = charges;
    }

    /**
     * Pushes one of the caller's items. Checks, in order: the item (404), the circuit (404), Push (403), the
     * circuit's adapter (403 unless sponsored). Completed at once, or pending when the circuit requires approval.
     */
    public CircuitOperation push(Actor actor, UUID circuitId, String dfid) {
        return Retry.onStale(() -> store.uow.inTransaction(() -> {
            Item item = items.findByDfid(dfid).filter(i -> access.mayRead(actor, i))
                    .orElseThrow(() -> new NotFoundException("ITEM_NOT_FOUND", "Item not found"));
            Circuit circuit = store.load(circuitId);
            circuit.require(actor.userId(), Permission.PUSH, "push to this circuit");
            if (!ItemAccess.isOwner(actor, item)) {
                throw new PermissionDeniedException("NOT_ITEM_OWNER",
                        "Permission denied: only the item's owner can push it into a circuit");
            }
            requireAdapterAccess(actor, circuit);
            CircuitOperation operation = traffic.begin(circuit, dfid, CircuitOperation.Type.PUSH, actor.userId());
            charges.charge(actor, ChargedOperation.CIRCUIT_OPERATION, 1, "Circuit push " + dfid,
                    operation.operationId());
            return operation;
        }));
    }

    /**
     * Each item on its own: one refusal does not undo the others. Refusals that concern the whole batch (unknown
     * circuit, no Push permission) refuse the request instead of failing every item.
     */
    public List<BatchResult> pushAll(Actor actor, UUID circuitId, List<String> dfidsToPush) {
        if (dfidsToPush.size() > Limits.MAX_BATCH_ITEMS) {
            throw new InvalidInputException("BATCH_TOO_LARGE", "At most " + Limits.MAX_BATCH_ITEMS + " items per batch");
        }
        store.load(circuitId).require(actor.userId(), Permission.PUSH, "push to this circuit");
        List<BatchResult> results = new ArrayList<>();
        for (String dfid : dfidsToPush) {
            try {
                push(actor, circuitId, dfid);
                results.add(new BatchResult(dfid, true, null, null));
            } catch (DomainException e) {
                results.add(new BatchResult(dfid, false, e.getMessage(), e.code()));
            }
        }
        return results;
    }

    private void requireAdapterAccess(Actor actor, Circuit circuit) {
        if (circuit.adapterConfig() == null || !circuit.adapterConfig().restrictsPushers()) {
            return;
        }
        UserAccount user = users.findById(actor.userId())
                .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
        var held = AdapterAccess.held(user);
        var required = circuit.adapterConfig().adapterType();
        if (!held.contains(required)) {
            throw new PermissionDeniedException("ADAPTER_PERMISSION_DENIED", "Adapter permission denied: This circuit "
                    + "requires '" + required.variantName() + "' adapter access. You currently have access to: "
                    + String.join(", ", held.stream().map(a -> a.variantName()).toList())
                    + ". Please contact your administrator to request access to this adapter.");
        }
    }

    /**
     * Tokenization: the caller's workspace item (or the identifiers given for its LID) obtains a DFID inside the
     * circuit. A LID the caller already tokenized, or a canonical identifier one of the caller's items already
     * carries, resolves to that DFID (the item is enriched); otherwise a new DFID is issued. Resolution never
     * crosses owners (docs/adr/0008): a LID tokenized into someone else's item is not the caller's (404), and a
     * canonical identifier another owner's item carries is refused as already registered (409), without naming that
     * item or its owner and without touching it. The LID mapping, the item's place in the circuit, the operation and
     * the PushedToCircuit event are recorded in the same transaction.
     */
    public Tokenization pushLocal(Actor actor, UUID circuitId, UUID lid, List<Identifier> identifiers,
                                  JsonObject enrichedData) {
        return Retry.onStale(() -> store.uow.inTransaction(() -> {
            Circuit circuit = store.load(circuitId);
            circuit.require(actor.userId(), Permission.PUSH, "push to this circuit");
            Optional<Item> local = items.findByDfid(Item.localDfid(lid));
            if (local.isPresent() && !ItemAccess.isOwner(actor, local.get())) {
                throw new NotFoundException("LOCAL_ITEM_NOT_FOUND", "Local item not found");
            }
            List<Identifier> ids = identifiers != null ? identifiers
                    : local.map(Item::identifiers).orElse(List.of());
            JsonObject data = enrichedData != null ? enrichedData : local.map(Item::enrichedData).orElse(null);
            ids = circuit.applyingDefaultNamespace(ItemInputs.nonBlank(ids));
            if (circuit.aliasConfig() != null) {
                circuit.aliasConfig().check(ids);
            }
            items.lockIdentifiers(ItemRepository.GLOBAL_SCOPE, ids.stream().filter(Identifier::isCanonical)
                    .map(Identifier::uniqueKey).toList());
            Optional<String> known = resolve(actor, lid, ids);
            Item tokenized;
            TokenizationStatus status;
            if (known.isPresent()) {
                Item existing = items.findByDfid(known.get()).orElseThrow();
                tokenized = items.update(existing.tokenizedAgain(ids, data,
                        ExternalAlias.forEnrichment(actor.userId(), UUID.randomUUID(), existing.dfid(), now()),
                        actor.userId(), now()));
                status = TokenizationStatus.EXISTING_ITEM_ENRICHED;
            } else {
                String fingerprint = usesFingerprint(circuit) ? fingerprint(actor, lid, ids) : null;
                tokenized = items.insert(Item.tokenized(dfids.next(), lid, ids, data, UUID.randomUUID(),
                        ExternalAlias.forLocalItem(actor.userId(), lid, now()), fingerprint, actor.userId(), now()));
                status = TokenizationStatus.NEW_ITEM_CREATED;
            }
            String dfid = tokenized.dfid();
            mappings.bind(lid, dfid);
            // The item is in the circuit at once, even when the push waits for approval (the reference's rule).
            circuitItems.put(new CircuitItem(circuitId, dfid, actor.userId(), now()));
            CircuitOperation operation = traffic.begin(circuit, dfid, CircuitOperation.Type.PUSH, actor.userId());
            snapshots.afterPush(tokenized, circuitId.toString(), actor.userId());
            store.postActions.onItemTokenized(circuit, dfid, operation.operationId(), actor.userId());
            charges.charge(actor, ChargedOperation.CIRCUIT_OPERATION, 1, "Circuit push " + dfid,
                    operation.operationId());
            return new Tokenization(dfid, status, operation.operationId(), lid);
        }));
    }

    /** The caller's item this push names, if any; refuses a LID or canonical identifier held by another owner. */
    private Optional<String> resolve(Actor actor, UUID lid, List<Identifier> ids) {
        Optional<Item> mapped = mappings.findDfid(lid).flatMap(items::findByDfid);
        if (mapped.isPresent()) {
            if (!ItemAccess.isOwner(actor, mapped.get())) {
                throw new NotFoundException("LOCAL_ITEM_NOT_FOUND", "Local item not found");
            }
            return Optional.of(mapped.get().dfid());
        }
        List<Identifier> canonical = ids.stream().filter(Identifier::isCanonical).toList();
        for (Identifier id : canonical) {
            Optional<String> own = items.findDfidsByIdentifier(actor.userId(), id, Limits.MAX_ITEMS_PER_IDENTIFIER)
                    .stream().filter(d -> !d.startsWith(Item.LOCAL_PREFIX)).findFirst();
            if (own.isPresent()) {
                return own;
            }
        }
        for (Identifier id : canonical) {
            Optional<Item> carrier = items.findDfidByCanonicalIdentifier(id).flatMap(items::findByDfid);
            if (carrier.isPresent() && !ItemAccess.isOwner(actor, carrier.get())) {
                throw new ConflictException("IDENTIFIER_ALREADY_REGISTERED",
                        "Identifier already registered: " + id.key() + " is carried by an item you do not own");
            }
        }
        return Optional.empty();
    }

    private static boolean usesFingerprint(Circuit circuit) {
        return circuit.aliasConfig() != null && circuit.aliasConfig().useFingerprint();
    }

    /** The reference's fingerprint: requester, LID, time and sorted identifiers (so, in practice, unique). */
    private String fingerprint(Actor actor, UUID lid, List<Identifier> ids) {
        java.time.Instant t = now();
        long nanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        String keys = String.join("|", ids.stream().map(Identifier::uniqueKey).sorted().toList());
        return Hashes.blake3Hex("user:" + actor.userId() + "|lid:" + lid + "|time:" + nanos + "|ids:" + keys);
    }

    /**
     * Attaches the caller's local events to an item of the circuit: each becomes an event of that DFID, unless the
     * item already records the same fact (then it is counted as deduplicated and stays local, and the recorded
     * event's id is reported only if the caller may read it). Unknown or already pushed local ids are skipped.
     */
    public List<EventPush> pushEvents(Actor actor, UUID circuitId, String dfid, List<UUID> localEventIds) {
        if (localEventIds.size() > Limits.MAX_BATCH_ITEMS) {
            throw new InvalidInputException("BATCH_TOO_LARGE", "At most " + Limits.MAX_BATCH_ITEMS + " events per push");
        }
        return Retry.onStale(() -> store.uow.inTransaction(() -> {
            Circuit circuit = store.load(circuitId);
            circuit.require(actor.userId(), Permission.PUSH, "push to this circuit");
            boolean ownItem = items.findByDfid(dfid).map(i -> ItemAccess.isOwner(actor, i)).orElse(false);
            if (!ownItem && !circuitItems.contains(circuitId, dfid)) {
                throw new NotFoundException("ITEM_NOT_FOUND", "Item not found in this circuit");
            }
            List<EventPush> pushed = new ArrayList<>();
            for (UUID localId : localEventIds) {
                Optional<Event> local = events.findLocal(localId).filter(e -> e.source().equals(actor.userId()));
                if (local.isEmpty()) {
                    continue;
                }
                Optional<Event> twin = events.findByContentHash(local.get().hashIfAttachedTo(dfid));
                if (twin.isPresent() && itemEvents.readable(actor, twin.get())) {
                    pushed.add(new EventPush(localId, twin.get().eventId(), dfid, true, twin.get().eventId()));
                } else if (twin.isPresent()) {
                    // Still a duplicate (the fact is recorded once, the local event stays local), but the recorded
                    // event is not the caller's to read: the answer names only the caller's own event.
                    pushed.add(new EventPush(localId, local.get().eventId(), dfid, true, null));
                } else {
                    Event moved = events.update(local.get().pushedTo(dfid, circuitId));
                    pushed.add(new EventPush(localId, moved.eventId(), dfid, false, null));
                }
            }
            return pushed;
        }));
    }

    private java.time.Instant now() {
        return store.clock.now();
    }
}
