package net.defarm.adapters.memory;

import java.util.concurrent.atomic.AtomicLong;
import net.defarm.application.items.DfidSequence;

/** The DFID counter of a memory store (one process; starts at 1, as the store starts empty). */
public final class InMemoryDfidSequence implements DfidSequence {

    private final AtomicLong next;

    public InMemoryDfidSequence(long first) {
        this.next = new AtomicLong(first);
    }

    @Override
    public long next() {
        return next.getAndIncrement();
    }

    @Override
    public void advancePast(long used) {
        next.accumulateAndGet(used + 1, Math::max);
    }
}
