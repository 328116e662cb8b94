package net.defarm.application.history;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.history.StorageLocation;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.history.StorageStatistics;

/**
 * Where items' states were stored: one {@link StorageRecord} per upload, numbered per item (the timeline). Writes
 * join the caller's unit of work. A message id is recorded at most once (a unique constraint), so an upload
 * re-delivered by the outbox can never add a second record.
 */
@OutboundPort
public interface StorageHistoryRepository {

    /**
     * Appends {@code draft} to its item's timeline (the next sequence, assigned here under a per-item lock) and
     * returns it as stored.
     *
     * @throws net.defarm.domain.shared.ConflictException when a record of the same message exists
     */
    StorageRecord append(StorageRecord draft);

    /** The record written for this outbox message, if any. */
    Optional<StorageRecord> findByMessage(UUID messageId);

    /** Up to {@code limit} of the item's records with a sequence above {@code afterSequence}, in sequence order. */
    List<StorageRecord> history(String dfid, long afterSequence, int limit);

    /** The same, only the records {@code scope} includes. */
    List<StorageRecord> history(String dfid, HistoryScope scope, long afterSequence, int limit);

    /** How many of the item's records {@code scope} includes. */
    long count(String dfid, HistoryScope scope);

    /** The item's record at this place of its timeline. */
    Optional<StorageRecord> find(String dfid, long sequence);

    /** The item's newest record. */
    Optional<StorageRecord> latest(String dfid);

    /** The item's newest record that {@code scope} includes. */
    Optional<StorageRecord> latest(String dfid, HistoryScope scope);

    /** The item's newest record naming {@code location} (its CID, or its ledger transaction). */
    Optional<StorageRecord> newestAt(String dfid, StorageLocation location);

    /** The item's record marked primary, if one is. */
    Optional<StorageRecord> primary(String dfid);

    /**
     * Marks this record the item's primary and every other record of the item not primary; concurrent marks of one
     * item are serialized (never a collision on the one-primary rule).
     */
    void markPrimary(String dfid, UUID recordId);

    /** Counts over the records whose item belongs to {@code ownerId}. */
    StorageStatistics statistics(String ownerId);
}
