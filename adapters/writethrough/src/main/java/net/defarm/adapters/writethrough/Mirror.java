package net.defarm.adapters.writethrough;

import java.util.function.Consumer;
import java.util.function.Function;
import net.defarm.application.shared.UnitOfWork;

/**
 * One port held in both stores: reads go to {@link #memory()}, and a write is applied to both in one unit of work, in
 * the order the write needs.
 *
 * @param <P> the port both stores implement
 */
record Mirror<P>(P memory, P durable, UnitOfWork both) {

    /**
     * Memory first: memory decides (duplicates, stale versions, whether anything changed) and its answer is returned;
     * the durable store then records the same write.
     */
    <T> T memoryDecides(Function<P, T> write) {
        return both.inTransaction(() -> {
            T answer = write.apply(memory);
            write.apply(durable);
            return answer;
        });
    }

    /** A write with no answer: memory first, then the durable store, in one unit of work. */
    void write(Consumer<P> write) {
        both.inTransaction(() -> inOrder(write));
    }

    /**
     * PostgreSQL first, for updates of a versioned row: its row lock makes a concurrent writer of the same row wait
     * until this change commits or rolls back, so the memory copy is only changed on top of a durable version.
     * Memory first let a second writer build on a change that was later undone (two members added to a circuit at
     * once: one lost, or refused as present).
     */
    <T> T durableFirst(Function<P, T> update) {
        return both.inTransaction(() -> {
            update.apply(durable);
            return update.apply(memory);
        });
    }

    /**
     * Memory, then the durable store, in the caller's unit of work; for locks, always taken in this order so two
     * writers cannot wait for each other crosswise.
     */
    void inOrder(Consumer<P> step) {
        step.accept(memory);
        step.accept(durable);
    }
}
