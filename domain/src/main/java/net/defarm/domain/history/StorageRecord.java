package net.defarm.domain.history;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import net.defarm.domain.evidence.Cid;

/**
 * One stored state of an item: the state document's CID in the content store and, when the adapter anchors on a
 * chain, the ledger entry that names it ({@code transactionHash} is that entry's hash). {@code messageId} is the
 * outbox message that caused it: at most one record per message, which is what makes a re-delivery harmless.
 * {@code timelineSequence} numbers an item's records 1, 2, ... in the order they were written.
 */
public record StorageRecord(UUID recordId, UUID messageId, String dfid, String ownerId, UUID circuitId,
                            String triggeredBy, String operation, String adapterType, Cid cid, boolean pinned,
                            String network, Long ledgerSequence, String transactionHash, Instant anchoredAt,
                            Instant storedAt, long timelineSequence, boolean primary) {

    /** Written by a push into a circuit with a storage adapter. */
    public static final String CIRCUIT_PUSH = "circuit_push";
    /** Written by copying an item's latest state to another adapter. */
    public static final String MIGRATION = "migration";

    public StorageRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(dfid, "dfid");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(triggeredBy, "triggeredBy");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(adapterType, "adapterType");
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(storedAt, "storedAt");
        if ((network == null) != (transactionHash == null)) {
            throw new IllegalArgumentException("an anchored record names both its network and its transaction");
        }
    }

    /** Whether the state was also anchored on a ledger network. */
    public boolean anchored() {
        return transactionHash != null;
    }

    /** The same record at another place in the item's timeline (the store assigns it). */
    public StorageRecord atSequence(long sequence) {
        return new StorageRecord(recordId, messageId, dfid, ownerId, circuitId, triggeredBy, operation, adapterType,
                cid, pinned, network, ledgerSequence, transactionHash, anchoredAt, storedAt, sequence, primary);
    }

    /** The same record, marked (or no longer marked) as the item's primary location. */
    public StorageRecord withPrimary(boolean isPrimary) {
        return new StorageRecord(recordId, messageId, dfid, ownerId, circuitId, triggeredBy, operation, adapterType,
                cid, pinned, network, ledgerSequence, transactionHash, anchoredAt, storedAt, timelineSequence,
                isPrimary);
    }
}
