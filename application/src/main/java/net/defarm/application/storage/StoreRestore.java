package net.defarm.application.storage;

import net.defarm.application.shared.OutboundPort;

/**
 * Puts exported records back exactly as they were stored, stored versions included, outside any transaction:
 * how the write-through mode loads its memory copy from PostgreSQL at start, so that the versions both stores
 * check on the next update agree.
 */
@OutboundPort
public interface StoreRestore {

    void restore(AggregateKind kind, Object record);
}
