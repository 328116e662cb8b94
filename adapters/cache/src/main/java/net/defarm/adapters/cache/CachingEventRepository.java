package net.defarm.adapters.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.events.EventRepository;
import net.defarm.domain.events.Event;

/**
 * An item's timeline from the cache. The cached entry is the item's whole, unfiltered timeline; each query (the
 * reader's visibility, type, time range, cursor, limit) is applied to it after the read, exactly as the store's own
 * query would, so a reader's rights are never part of a cache key and one invalidation per DFID is enough.
 */
final class CachingEventRepository implements EventRepository {

    private final EventRepository store;
    private final CacheRegion<Timeline> timelines;
    private final int maxEvents;

    CachingEventRepository(EventRepository store, CacheRegion<Timeline> timelines, int maxEvents) {
        this.store = store;
        this.timelines = timelines;
        this.maxEvents = maxEvents;
    }

    @Override
    public InsertOutcome insertIfAbsent(Event event) {
        InsertOutcome outcome = store.insertIfAbsent(event);
        return outcome.inserted() ? timelines.afterWrite(outcome, event.dfid()) : outcome;
    }

    @Override
    public int insertAll(List<Event> events) {
        return timelines.afterWrite(store.insertAll(events), events.stream().map(Event::dfid).distinct().toList());
    }

    @Override
    public Optional<Event> findById(UUID eventId) {
        return store.findById(eventId);
    }

    @Override
    public Optional<Event> findByContentHash(String contentHash) {
        return store.findByContentHash(contentHash);
    }

    @Override
    public Optional<Event> findLocal(UUID localEventId) {
        return store.findLocal(localEventId);
    }

    @Override
    public Event update(Event event) {
        Event stored = store.update(event);
        // A pushed local event left its workspace timeline for its item's.
        return timelines.afterWrite(stored, event.localEventId() == null ? List.of(event.dfid())
                : List.of(event.dfid(), Event.LOCAL_PREFIX + event.localEventId()));
    }

    @Override
    public List<Event> find(EventQuery query, EventKey after, int limit) {
        if (query.dfid() == null || maxEvents == 0) {
            return store.find(query, after, limit);
        }
        Timeline timeline = timelines.get(query.dfid(), () -> Optional.of(load(query.dfid())))
                .orElseThrow();
        if (!timeline.complete()) {
            return store.find(query, after, limit);
        }
        List<Event> page = new ArrayList<>(Math.min(limit, timeline.events().size()));
        for (Event e : timeline.events()) {
            if ((after == null || EventKey.of(e).compareTo(after) > 0) && query.matches(e)) {
                page.add(e);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    private Timeline load(String dfid) {
        List<Event> all = store.find(EventQuery.allStored().forItem(dfid), null, maxEvents + 1);
        return all.size() > maxEvents ? new Timeline(List.of(), false) : new Timeline(all, true);
    }
}
