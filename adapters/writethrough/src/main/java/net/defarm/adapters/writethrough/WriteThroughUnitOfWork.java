package net.defarm.adapters.writethrough;

import java.util.function.Supplier;
import net.defarm.application.shared.UnitOfWork;

/**
 * One unit of work over both stores: the memory journal outside, the durable transaction inside. The durable
 * transaction commits before the memory unit ends, so nothing is acknowledged before it is durable; if the commit
 * fails, the memory writes are undone with the rest.
 */
final class WriteThroughUnitOfWork implements UnitOfWork {

    private final UnitOfWork memory;
    private final UnitOfWork durable;

    WriteThroughUnitOfWork(UnitOfWork memory, UnitOfWork durable) {
        this.memory = memory;
        this.durable = durable;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return memory.inTransaction(() -> durable.inTransaction(work));
    }

    /** Both stores undo the part together: the memory journal back to its mark, the database to its savepoint. */
    @Override
    public <T> T inSavepoint(Supplier<T> work) {
        return memory.inSavepoint(() -> durable.inSavepoint(work));
    }
}
