package net.defarm.application.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditChain;
import net.defarm.domain.audit.AuditEvent;

/**
 * Walks every chain of the trail, recomputing each record's digest and link, and reports the first link that does
 * not hold: a changed or unreadable record, a missing one, a chain whose stored end does not match its last record,
 * records without a head, or records beyond their head. Chains are listed from the heads AND from the records, so
 * removing a head or appending rows outside the service does not hide a chain from the walk.
 */
@UseCase
public final class VerifyAuditChain {

    private static final int BATCH = 1000;

    private final AuditRepository events;
    private final AuditReaders readers;

    VerifyAuditChain(AuditRepository events, AuditReaders readers) {
        this.events = events;
        this.readers = readers;
    }

    /** The first link that does not hold. */
    public record Broken(LocalDate day, int shard, long seq, UUID eventId, String reason) {
    }

    public record Verification(boolean intact, long recordsChecked, int chainsChecked, Broken firstBroken) {
    }

    public Verification verify(Actor actor) {
        readers.requirePrivileged(actor);
        return verify();
    }

    /** For the operator's command: no actor. */
    public Verification verify() {
        long records = 0;
        int chains = 0;
        for (LocalDate day : events.days()) {
            Map<Integer, AuditRepository.ChainHead> heads = new TreeMap<>();
            events.heads(day).forEach(h -> heads.put(h.shard(), h));
            Map<Integer, AuditRepository.ChainExtent> extents = new TreeMap<>();
            events.extents(day).forEach(x -> extents.put(x.shard(), x));
            TreeSet<Integer> shards = new TreeSet<>(heads.keySet());
            shards.addAll(extents.keySet());
            for (int shard : shards) {
                chains++;
                // A chain begun after the heads were read has its head by now.
                AuditRepository.ChainHead head = heads.containsKey(shard) ? heads.get(shard)
                        : headNow(day, shard).orElse(null);
                if (head == null) {
                    return broken(records, chains, day, shard, 1, null, "the chain's records have no head");
                }
                Walk walk = walk(head);
                records += walk.records();
                if (walk.broken() != null) {
                    return new Verification(false, records, chains, walk.broken());
                }
                AuditRepository.ChainExtent extent = extents.get(shard);
                if (extent != null && extent.count() != extent.maxSeq()) {
                    return broken(records, chains, day, shard, extent.maxSeq(), null, "the chain holds "
                            + extent.count() + " records up to position " + extent.maxSeq() + " (a record was removed)");
                }
                if (extent != null && extent.maxSeq() > head.seq() && extent.maxSeq() > headNow(day, shard)
                        .map(AuditRepository.ChainHead::seq).orElse(0L)) {
                    return broken(records, chains, day, shard, head.seq() + 1, null,
                            "records beyond the chain's head (appended outside the trail)");
                }
            }
        }
        return new Verification(true, records, chains, null);
    }

    private record Walk(long records, Broken broken) {
    }

    /** One chain up to the head as read; records appended after the head was read are left for the next run. */
    private Walk walk(AuditRepository.ChainHead head) {
        LocalDate day = head.day();
        int shard = head.shard();
        String link = AuditChain.GENESIS;
        long seq = 0;
        long records = 0;
        List<AuditEvent> batch;
        do {
            try {
                batch = events.chain(day, shard, seq, BATCH);
            } catch (AuditRepository.UnreadableRecord unreadable) {
                return new Walk(records + 1, new Broken(day, shard, unreadable.seq(), unreadable.eventId(),
                        "the record cannot be read (changed after it was written)"));
            }
            for (AuditEvent e : batch) {
                if (e.chain().seq() > head.seq()) {
                    return end(head, records, seq, link);
                }
                records++;
                if (e.chain().seq() != seq + 1) {
                    return new Walk(records, new Broken(day, shard, seq + 1, null,
                            "record " + (seq + 1) + " of the chain is missing"));
                }
                link = AuditChain.next(link, e.digest());
                if (!link.equals(e.chain().link())) {
                    return new Walk(records, new Broken(day, shard, e.chain().seq(), e.eventId(),
                            "the record does not match its link (changed after it was written)"));
                }
                seq = e.chain().seq();
            }
        } while (batch.size() == BATCH);
        return end(head, records, seq, link);
    }

    private static Walk end(AuditRepository.ChainHead head, long records, long seq, String link) {
        if (seq != head.seq() || !link.equals(head.link())) {
            return new Walk(records, new Broken(head.day(), head.shard(), seq + 1, null,
                    "the chain ends at record " + seq + " but its head is at record " + head.seq()));
        }
        return new Walk(records, null);
    }

    /** The head's position read again: records counted after the first read may be honest concurrent appends. */
    private Optional<AuditRepository.ChainHead> headNow(LocalDate day, int shard) {
        return events.heads(day).stream().filter(h -> h.shard() == shard).findFirst();
    }

    private static Verification broken(long records, int chains, LocalDate day, int shard, long seq, UUID id,
                                       String reason) {
        return new Verification(false, records, chains, new Broken(day, shard, seq, id, reason));
    }
}
