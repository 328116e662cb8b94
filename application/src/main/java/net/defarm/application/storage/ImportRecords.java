package net.defarm.application.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Activity;
import net.defarm.domain.credits.TransactionType;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.events.Event;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.items.Dfid;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.notifications.Notification;

/**
 * Writes exported records into a store, a batch per transaction. Idempotent: records whose key is already stored
 * are skipped, so an interrupted import is resumed by running it again. Items keep their DFIDs, and the DFID
 * sequence is moved past them so that no new item can ever get an imported item's DFID.
 */
@UseCase
public final class ImportRecords {

    /** What one batch did. */
    public record Outcome(int imported, int alreadyPresent) {
    }

    private final StoragePorts store;
    private final StoreExport export;

    public ImportRecords(StoragePorts store, StoreExport export) {
        this.store = store;
        this.export = export;
    }

    public Outcome importBatch(AggregateKind kind, List<?> records) {
        List<String> keys = new ArrayList<>(records.size());
        for (Object r : records) {
            if (!kind.type().isInstance(r)) {
                throw new IllegalArgumentException("a " + kind.wireName() + " batch holds a "
                        + r.getClass().getSimpleName());
            }
            keys.add(kind.keyOf(r));
        }
        Set<String> present = export.existing(kind, keys);
        List<Object> fresh = new ArrayList<>();
        for (Object r : records) {
            if (!present.contains(kind.keyOf(r))) {
                fresh.add(r);
            }
        }
        store.unitOfWork().inTransaction(() -> {
            // The two big kinds go in one statement per table; the others are few.
            switch (kind) {
                case ITEM -> store.items().insertAll(fresh.stream().map(Item.class::cast).toList());
                case EVENT -> store.events().insertAll(fresh.stream().map(Event.class::cast).toList());
                default -> fresh.forEach(r -> write(kind, r));
            }
        });
        if (kind == AggregateKind.ITEM) {
            long highest = fresh.stream().map(r -> Dfid.parse(((Item) r).dfid()))
                    .flatMap(java.util.Optional::stream).mapToLong(Dfid::sequence).max().orElse(0);
            store.dfidSequence().advancePast(highest);
        }
        return new Outcome(fresh.size(), records.size() - fresh.size());
    }

    /**
     * The account opens with no credits and its balance arrives as one ledger line, so the imported balance is
     * explained by its ledger like every other (an export carries balances, not ledger lines).
     */
    private void importAccount(UserAccount a) {
        store.users().insert(new UserAccount(a.userId(), a.username(), a.email(), a.passwordHash(), a.tier(),
                a.status(), 0, a.createdAt(), a.updatedAt(), a.lastLogin(), a.admin(), a.workspaceId(),
                a.availableAdapters(), a.version(), a.sessionsValidFrom()));
        if (a.credits() != 0) {
            store.credits().append(new CreditLedger.Entry(UUID.randomUUID(), a.userId(),
                    a.credits() > 0 ? TransactionType.GRANT : TransactionType.PENALTY, a.credits(),
                    "Balance carried over by import", a.updatedAt(), true));
        }
    }

    private void write(AggregateKind kind, Object r) {
        switch (kind) {
            case USER -> importAccount((UserAccount) r);
            case ITEM -> store.items().insert((Item) r);
            case LID_MAPPING -> store.lidMappings().bind(((LidMapping) r).lid(), ((LidMapping) r).dfid());
            case PENDING_ITEM -> store.pendingItems().insert((PendingItem) r);
            case EVENT -> store.events().insertIfAbsent((Event) r);
            case CIRCUIT -> store.circuits().insert((Circuit) r);
            case CIRCUIT_ITEM -> store.circuitItems().put((CircuitItem) r);
            case OPERATION -> store.operations().insert((CircuitOperation) r);
            case ACTIVITY -> store.activities().append((Activity) r);
            case NOTIFICATION -> store.notifications().insert((Notification) r);
            case SNAPSHOT -> store.snapshots().insert((StateSnapshot) r);
        }
    }
}
