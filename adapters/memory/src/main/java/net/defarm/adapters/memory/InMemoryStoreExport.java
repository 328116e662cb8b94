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

    private final InMemoryUserAccountRepository users;
    private final InMemoryItemRepository items;
    private final InMemoryLidMappingRepository lids;
    private final InMemoryPendingItemRepository pending;
    private final InMemoryEventRepository events;
    private final InMemoryCircuitRepository circuits;
    private final InMemoryCircuitItemRepository circuitItems;
    private final InMemoryCircuitOperationRepository operations;
    private final InMemoryCircuitActivityRepository activities;
    private final InMemoryNotificationRepository notifications;
    private final InMemorySnapshotRepository snapshots;

    InMemoryStoreExport(InMemoryUserAccountRepository users, InMemoryItemRepository items,
                        InMemoryLidMappingRepository lids, InMemoryPendingItemRepository pending,
                        InMemoryEventRepository events, InMemoryCircuitRepository circuits,
                        InMemoryCircuitItemRepository circuitItems, InMemoryCircuitOperationRepository operations,
                        InMemoryCircuitActivityRepository activities, InMemoryNotificationRepository notifications,
                        InMemorySnapshotRepository snapshots) {
        this.users = users;
        this.items = items;
        this.lids = lids;
        this.pending = pending;
        this.events = events;
        this.circuits = circuits;
        this.circuitItems = circuitItems;
        this.operations = operations;
        this.activities = activities;
        this.notifications = notifications;
        this.snapshots = snapshots;
    }

    private Stream<?> records(AggregateKind kind) {
        return switch (kind) {
            case USER -> users.all().stream();
            case ITEM -> items.all().stream();
            case LID_MAPPING -> lids.all().entrySet().stream().map(e -> new LidMapping(e.getKey(), e.getValue()));
            case PENDING_ITEM -> pending.all().stream();
            case EVENT -> events.all().stream();
            case CIRCUIT -> circuits.all().stream();
            case CIRCUIT_ITEM -> circuitItems.all().stream();
            case OPERATION -> operations.all().stream();
            case ACTIVITY -> activities.all().stream();
            case NOTIFICATION -> notifications.all().stream();
            case SNAPSHOT -> snapshots.all().stream();
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
            case USER -> users.findById(key).isPresent();
            case ITEM -> items.findByDfid(key).isPresent();
            case LID_MAPPING -> lids.findDfid(UUID.fromString(key)).isPresent();
            case PENDING_ITEM -> pending.findById(UUID.fromString(key)).isPresent();
            case EVENT -> events.findById(UUID.fromString(key)).isPresent();
            case CIRCUIT -> circuits.findById(UUID.fromString(key)).isPresent();
            case CIRCUIT_ITEM -> {
                int bar = key.indexOf('|');
                yield circuitItems.contains(UUID.fromString(key.substring(0, bar)), key.substring(bar + 1));
            }
            case OPERATION -> operations.findById(UUID.fromString(key)).isPresent();
            case ACTIVITY -> activities.exists(key);
            case NOTIFICATION -> notifications.findById(UUID.fromString(key)).isPresent();
            case SNAPSHOT -> snapshots.findById(key).isPresent();
        };
    }

    @Override
    public long count(AggregateKind kind) {
        return records(kind).count();
    }
}
