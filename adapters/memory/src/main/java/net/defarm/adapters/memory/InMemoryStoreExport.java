package net.defarm.adapters.memory;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.defarm.application.storage.AggregateKind;
import net.defarm.application.storage.LidMapping;
import net.defarm.application.storage.StoreExport;

/** Everything the memory store holds, kind by kind, in key order. */
public final class InMemoryStoreExport implements StoreExport {

    private final InMemoryRepositories stores;

    InMemoryStoreExport(InMemoryRepositories stores) {
        this.stores = stores;
    }

    private Stream<?> records(AggregateKind kind) {
        return switch (kind) {
            case USER -> stores.users().all().stream();
            case ITEM -> stores.items().all().stream();
            case LID_MAPPING -> stores.lids().all().entrySet().stream()
                    .map(e -> new LidMapping(e.getKey(), e.getValue()));
            case PENDING_ITEM -> stores.pending().all().stream();
            case EVENT -> stores.events().all().stream();
            case CIRCUIT -> stores.circuits().all().stream();
            case CIRCUIT_ITEM -> stores.circuitItems().all().stream();
            case OPERATION -> stores.operations().all().stream();
            case ACTIVITY -> stores.activities().all().stream();
            case NOTIFICATION -> stores.notifications().all().stream();
            case SNAPSHOT -> stores.snapshots().all().stream();
        };
    }

    @Override
    public void forEach(AggregateKind kind, Consumer<Object> sink) {
        List<Object> sorted = records(kind).map(r -> (Object) r).sorted(Comparator.comparing(kind::keyOf)).toList();
        sorted.forEach(sink);
    }

    @Override
    public Set<String> existing(AggregateKind kind, Collection<String> keys) {
        Set<String> found = new HashSet<>();
        for (String key : keys) {
            if (stored(kind, key)) {
                found.add(key);
            }
        }
        return found;
    }

    private boolean stored(AggregateKind kind, String key) {
        return switch (kind) {
            case USER -> stores.users().findById(key).isPresent();
            case ITEM -> stores.items().findByDfid(key).isPresent();
            case LID_MAPPING -> stores.lids().findDfid(UUID.fromString(key)).isPresent();
            case PENDING_ITEM -> stores.pending().findById(UUID.fromString(key)).isPresent();
            case EVENT -> stores.events().findById(UUID.fromString(key)).isPresent();
            case CIRCUIT -> stores.circuits().findById(UUID.fromString(key)).isPresent();
            case CIRCUIT_ITEM -> {
                int bar = key.indexOf('|');
                yield stores.circuitItems().contains(UUID.fromString(key.substring(0, bar)), key.substring(bar + 1));
            }
            case OPERATION -> stores.operations().findById(UUID.fromString(key)).isPresent();
            case ACTIVITY -> stores.activities().exists(key);
            case NOTIFICATION -> stores.notifications().findById(UUID.fromString(key)).isPresent();
            case SNAPSHOT -> stores.snapshots().findById(key).isPresent();
        };
    }

    @Override
    public long count(AggregateKind kind) {
        return records(kind).count();
    }
}
