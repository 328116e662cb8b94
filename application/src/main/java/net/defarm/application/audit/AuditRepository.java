package net.defarm.application.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.AuditEvent;

/**
 * The append-only, hash-chained audit trail. Nothing here changes a record; whole days are removed only by the
 * retention command. Each partition (UTC day of the record x {@link net.defarm.domain.audit.AuditChain#shard})
 * is a chain of its own.
 */
@OutboundPort
public interface AuditRepository {

    /** Number of chains per day; a record's shard is {@code AuditChain.shard(event.chainKey(), SHARDS)}. */
    int SHARDS = 16;

    /**
     * Appends the record at the end of its partition's chain, in one statement; joins the caller's unit of work
     * (the partition's head stays locked until it ends, as a row lock does). Returns the record with its link.
     */
    AuditEvent append(AuditEvent event);

    Optional<AuditEvent> find(UUID eventId);

    /** Newest first (then by id), keyset pages. */
    Page<AuditEvent> query(AuditFilter filter, PageRequest page);

    AuditCounts count(AuditFilter filter);

    /** The days that hold records or chain heads, oldest first. */
    List<LocalDate> days();

    /** The last link of each chain of a day, as the store keeps it beside the records. */
    List<ChainHead> heads(LocalDate day);

    /**
     * What each chain of a day holds, read from the records themselves (not the heads): a chain without a head,
     * a count below the highest position (a removed row) or records past the head (a forged append) show here.
     */
    List<ChainExtent> extents(LocalDate day);

    /**
     * Records of one chain after position {@code afterSeq}, in chain order, at most {@code limit}. A stored row
     * that no longer reads as a record (edited outside the service) is {@link UnreadableRecord}.
     */
    List<AuditEvent> chain(LocalDate day, int shard, long afterSeq, int limit);

    /** Who acted or was the subject in a day's records (null for anonymous ones). */
    Set<String> usersOn(LocalDate day);

    /** Removes a whole day (records and heads); the only removal there is. Returns how many records went. */
    long removeDay(LocalDate day);

    /** The end of one chain. */
    record ChainHead(LocalDate day, int shard, long seq, String link) {
    }

    /** The highest position and the number of records one chain holds. */
    record ChainExtent(LocalDate day, int shard, long maxSeq, long count) {
    }

    /** A stored row of a chain that does not read as a record: evidence of tampering, reported by verification. */
    final class UnreadableRecord extends RuntimeException {
        private final long seq;
        private final UUID eventId;

        public UnreadableRecord(LocalDate day, int shard, long seq, UUID eventId, Throwable cause) {
            super("audit record " + seq + " of " + day + "/" + shard + " cannot be read", cause);
            this.seq = seq;
            this.eventId = eventId;
        }

        public long seq() {
            return seq;
        }

        public UUID eventId() {
            return eventId;
        }
    }
}
