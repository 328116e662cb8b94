package net.defarm.application.history;

import java.util.Optional;
import java.util.UUID;
import net.defarm.application.delivery.OutboxHandler;
import net.defarm.application.evidence.AnchorLedger;
import net.defarm.application.evidence.AnchorTargets;
import net.defarm.application.evidence.ContentStore;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.evidence.LedgerEntry;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.DomainException;

/**
 * Carries out an {@code anchor} message: puts the item's state document in the content store, then, in one
 * transaction, appends the anchor to the adapter's ledger network (when it has one) and records the storage-history
 * entry with the message id. Exactly once per message: a message already recorded is done, and a second dispatcher
 * racing on the same message fails on the message id's unique constraint, which rolls its anchor back. The put
 * comes first and outside the transaction (a remote node cannot join it); content addressing makes a repeated put
 * harmless.
 */
@UseCase
public final class StoreItemState implements OutboxHandler {

    private final StorageHistoryRepository history;
    private final ItemRepository items;
    private final ContentStore contents;
    private final AnchorLedger ledger;
    private final ItemStateDocument documents;
    private final UnitOfWork uow;
    private final Clock clock;

    public StoreItemState(HistoryPorts ports, Clock clock) {
        this.history = ports.history();
        this.items = ports.items();
        this.contents = ports.contents();
        this.ledger = ports.ledger();
        this.documents = new ItemStateDocument(ports.events());
        this.uow = ports.unitOfWork();
        this.clock = clock;
    }

    @Override
    public Outcome handle(OutboxMessage message) {
        if (history.findByMessage(message.id()).isPresent()) {
            return Outcome.success();
        }
        AnchorRequest request;
        try {
            request = AnchorRequest.decode(message.payload());
        } catch (IllegalArgumentException e) {
            return Outcome.giveUp("The anchor request cannot be read: " + e.getMessage());
        }
        Optional<AnchorTargets.Target> target = AnchorTargets.of(request.adapterType())
                .filter(AnchorTargets.Target::storesContent);
        if (target.isEmpty()) {
            return Outcome.giveUp("The adapter type " + request.adapterType().wireName() + " stores nothing here");
        }
        Optional<Item> item = items.findByDfid(request.dfid());
        if (item.isEmpty()) {
            return Outcome.giveUp("The item no longer exists");
        }
        byte[] state;
        if (request.sourceCid() == null) {
            state = documents.of(item.get(), request.circuitId());
        } else {
            Optional<byte[]> copied = contents.get(request.sourceCid());
            if (copied.isEmpty()) {
                return Outcome.giveUp("The recorded state " + request.sourceCid().value() + " is not in the store");
            }
            state = copied.get();
        }
        Cid cid;
        try {
            cid = contents.put(state);
        } catch (DomainException e) {
            return Outcome.giveUp(e.getMessage());
        }
        boolean pinned = contents.pin(cid);
        record(message.id(), request, item.get(), target.get(), cid, pinned);
        return Outcome.success();
    }

    private void record(UUID messageId, AnchorRequest request, Item item, AnchorTargets.Target target, Cid cid,
                        boolean pinned) {
        uow.inTransaction(() -> {
            if (history.findByMessage(messageId).isPresent()) {
                return;
            }
            LedgerEntry entry = target.ledgerNetwork().map(network -> ledger.append(new AnchorLedger.Anchor(network,
                    cid, request.dfid(), request.circuitId() == null ? null : request.circuitId().toString()),
                    clock.now())).orElse(null);
            history.append(new StorageRecord(UUID.randomUUID(), messageId, request.dfid(), item.ownerId(),
                    request.circuitId(), request.triggeredBy(), request.operation(), request.adapterType().wireName(),
                    cid, pinned, entry == null ? null : entry.network(), entry == null ? null : entry.sequence(),
                    entry == null ? null : entry.entryHash(), entry == null ? null : entry.recordedAt(), clock.now(),
                    0, false));
        });
    }
}
