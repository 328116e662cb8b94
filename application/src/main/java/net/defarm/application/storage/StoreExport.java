package net.defarm.application.storage;

import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import net.defarm.application.shared.OutboundPort;

/**
 * Reading a whole store, kind by kind: what the {@code export} command writes out, what {@code import} checks
 * against, and how the write-through mode fills memory from PostgreSQL at start. Memory stays bounded: a store
 * reads in pages and hands records over one by one.
 */
@OutboundPort
public interface StoreExport {

    /** Every stored record of the kind, in a stable order, one by one. */
    void forEach(AggregateKind kind, Consumer<Object> sink);

    /** Which of these keys (see {@link AggregateKind#keyOf}) are stored. */
    Set<String> existing(AggregateKind kind, Collection<String> keys);

    /** How many records of the kind are stored (exact; for reports, not for requests). */
    long count(AggregateKind kind);
}
