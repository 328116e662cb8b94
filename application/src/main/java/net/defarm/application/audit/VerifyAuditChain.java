package net.defarm.application.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditChain;
import net.defarm.domain.audit.AuditEvent;

/**
 * Walks every chain of the trail, recomputing each record's digest and link, and reports the first link that does
 * not hold: a changed record, a missing one, or a chain whose stored end does not match its last record.
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
            for (AuditRepository.ChainHead head : events.heads(day)) {
                chains++;
                String link = AuditChain.GENESIS;
                long seq = 0;
                List<AuditEvent> batch;
                // Records appended after the head was read are left for the next run.
                chain:
                do {
                    batch = events.chain(day, head.shard(), seq, BATCH);
                    for (AuditEvent e : batch) {
                        if (e.chain().seq() > head.seq()) {
                            break chain;
                        }
                        records++;
                        if (e.chain().seq() != seq + 1) {
                            return broken(records, chains, day, head.shard(), seq + 1, null,
                                    "record " + (seq + 1) + " of the chain is missing");
                        }
                        link = AuditChain.next(link, e.digest());
                        if (!link.equals(e.chain().link())) {
                            return broken(records, chains, day, head.shard(), e.chain().seq(), e.eventId(),
                                    "the record does not match its link (changed after it was written)");
                        }
                        seq = e.chain().seq();
                    }
                } while (batch.size() == BATCH);
                if (seq != head.seq() || !link.equals(head.link())) {
                    return broken(records, chains, day, head.shard(), seq + 1, null,
                            "the chain ends at record " + seq + " but its head is at record " + head.seq());
                }
            }
        }
        return new Verification(true, records, chains, null);
    }

    private static Verification broken(long records, int chains, LocalDate day, int shard, long seq, UUID id,
                                       String reason) {
        return new Verification(false, records, chains, new Broken(day, shard, seq, id, reason));
    }
}
