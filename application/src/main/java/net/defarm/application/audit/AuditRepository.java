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

    /** Number of chains per day; a record's shard is {@code AuditChain.shard(actorId, SHARDS)}. */
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

    /** The days that hold records, oldest first. */
    List<LocalDate> days();

    /** The last link of each chain of a day, as the store keeps it beside the records. */
    List<ChainHead> heads(LocalDate day);

    /** Records of one chain after position {@code afterSeq}, in chain order, at most {@code limit}. */
    List<AuditEvent> chain(LocalDate day, int shard, long afterSeq, int limit);

    /** Who acted or was the subject in a day's records (null for anonymous ones). */
    Set<String> usersOn(LocalDate day);

    /** Removes a whole day (records and heads); the only removal there is. Returns how many records went. */
    long removeDay(LocalDate day);

    /** The end of one chain. */
    record ChainHead(LocalDate day, int shard, long seq, String link) {
    }
}
