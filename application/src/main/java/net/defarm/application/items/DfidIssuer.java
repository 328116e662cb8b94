package net.defarm.application.items;

import java.time.ZoneOffset;
import net.defarm.application.shared.Clock;
import net.defarm.domain.items.Dfid;

/** Issues new DFIDs: today's UTC date and the next value of the shared sequence. */
public final class DfidIssuer {

    private final DfidSequence sequence;
    private final Clock clock;

    public DfidIssuer(DfidSequence sequence, Clock clock) {
        this.sequence = sequence;
        this.clock = clock;
    }

    public String next() {
        return Dfid.issue(clock.now().atZone(ZoneOffset.UTC).toLocalDate(), sequence.next()).value();
    }
}
