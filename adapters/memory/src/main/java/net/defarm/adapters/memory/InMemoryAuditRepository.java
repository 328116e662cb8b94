package net.defarm.adapters.memory;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import net.defarm.application.audit.ActorCount;
import net.defarm.application.audit.AuditCounts;
import net.defarm.application.audit.AuditFilter;
import net.defarm.application.audit.AuditRepository;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UuidOrder;
import net.defarm.domain.audit.AuditChain;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.ChainLink;

/**
 * The audit trail in memory: one lock per chain, held until the unit of work ends (as PostgreSQL holds the head
 * row), so links are assigned in commit order; a rolled-back record gives its place back.
 */
public final class InMemoryAuditRepository implements AuditRepository {

    static final String CURSOR = "audit-events";

    private record Key(java.time.Instant at, UUID id) {
    }

    private record Partition(LocalDate day, int shard) {
    }

    private static final Comparator<Key> NEWEST_FIRST = Comparator.comparing(Key::at).reversed()
            .thenComparing(Key::id, (a, b) -> UuidOrder.compare(b, a));

    private final NavigableSet<Key> order = new ConcurrentSkipListSet<>(NEWEST_FIRST);
    private final Map<UUID, AuditEvent> events = new ConcurrentHashMap<>();
    private final Map<Partition, List<UUID>> chains = new ConcurrentHashMap<>();
    private final Map<Partition, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryAuditRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public AuditEvent append(AuditEvent event) {
        Partition p = new Partition(LocalDate.ofInstant(event.at(), ZoneOffset.UTC),
                AuditChain.shard(event.chainKey(), SHARDS));
        ReentrantLock lock = locks.computeIfAbsent(p, k -> new ReentrantLock());
        boolean held = uow.inTransaction();
        if (held) {
            uow.hold(lock);
        } else {
            lock.lock();
        }
        try {
            List<UUID> chain = chains.computeIfAbsent(p, k -> new ArrayList<>());
            String previous = chain.isEmpty() ? AuditChain.GENESIS : events.get(chain.getLast()).chain().link();
            AuditEvent stored = event.chained(new ChainLink(p.day(), p.shard(), chain.size() + 1L,
                    AuditChain.next(previous, event.digest())));
            if (events.putIfAbsent(event.eventId(), stored) != null) {
                throw new IllegalStateException("audit event " + event.eventId() + " is already recorded");
            }
            chain.add(event.eventId());
            Key key = new Key(stored.at(), stored.eventId());
            order.add(key);
            uow.onRollback(() -> {
                order.remove(key);
                events.remove(stored.eventId());
                chain.remove(stored.eventId());
            });
            return stored;
        } finally {
            if (!held) {
                lock.unlock();
            }
        }
    }

    @Override
    public Optional<AuditEvent> find(UUID eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public Page<AuditEvent> query(AuditFilter filter, PageRequest page) {
        Key after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            after = new Key(Cursor.instantFromMicros(parts.get(0)), Cursor.uuid(parts.get(1)));
        }
        List<AuditEvent> rows = KeysetPage.of(order, after, k -> events.get(k.id()), filter::matches,
                page.limit() + 1);
        return Page.of(rows, page.limit(), e -> Cursor.encode(CURSOR, Cursor.micros(e.at()),
                e.eventId().toString()));
    }

    @Override
    public AuditCounts count(AuditFilter filter) {
        List<AuditEvent> selected = events.values().stream().filter(filter::matches).toList();
        Map<String, Long> compliance = new TreeMap<>();
        selected.forEach(e -> e.compliance().forEach(c -> compliance.merge(c, 1L, Long::sum)));
        Map<String, Long> actors = selected.stream().filter(e -> e.actorId() != null)
                .collect(Collectors.groupingBy(AuditEvent::actorId, Collectors.counting()));
        List<ActorCount> top = actors.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(AuditCounts.TOP_ACTORS).map(en -> new ActorCount(en.getKey(), en.getValue()))
                .toList();
        return new AuditCounts(selected.size(),
                selected.stream().collect(Collectors.groupingBy(e -> e.type().wire(), Collectors.counting())),
                selected.stream().collect(Collectors.groupingBy(e -> e.outcome().wire(), Collectors.counting())),
                selected.stream().collect(Collectors.groupingBy(e -> e.severity().wire(), Collectors.counting())),
                compliance, top);
    }

    @Override
    public List<LocalDate> days() {
        return chains.keySet().stream().map(Partition::day).collect(Collectors.toCollection(TreeSet::new)).stream()
                .toList();
    }

    @Override
    public List<ChainHead> heads(LocalDate day) {
        List<ChainHead> heads = new ArrayList<>();
        for (Partition p : partitionsOf(day)) {
            List<UUID> chain = snapshot(p);
            if (!chain.isEmpty()) {
                heads.add(new ChainHead(day, p.shard(), chain.size(), events.get(chain.getLast()).chain().link()));
            }
        }
        return heads;
    }

    @Override
    public List<ChainExtent> extents(LocalDate day) {
        List<ChainExtent> extents = new ArrayList<>();
        for (Partition p : partitionsOf(day)) {
            List<UUID> chain = snapshot(p);
            if (!chain.isEmpty()) {
                extents.add(new ChainExtent(day, p.shard(), events.get(chain.getLast()).chain().seq(), chain.size()));
            }
        }
        return extents;
    }

    @Override
    public List<AuditEvent> chain(LocalDate day, int shard, long afterSeq, int limit) {
        return snapshot(new Partition(day, shard)).stream().skip(afterSeq).limit(limit).map(events::get).toList();
    }

    private List<Partition> partitionsOf(LocalDate day) {
        return chains.keySet().stream().filter(p -> p.day().equals(day))
                .sorted(Comparator.comparingInt(Partition::shard)).toList();
    }

    /** A copy of one chain taken under its lock (appends change the list in place). */
    private List<UUID> snapshot(Partition p) {
        ReentrantLock lock = locks.get(p);
        List<UUID> chain = chains.get(p);
        if (lock == null || chain == null) {
            return List.of();
        }
        lock.lock();
        try {
            return List.copyOf(chain);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Set<String> usersOn(LocalDate day) {
        Set<String> users = new HashSet<>();
        for (Partition p : partitionsOf(day)) {
            snapshot(p).forEach(id -> {
                AuditEvent e = events.get(id);
                users.add(e.actorId());
                if (e.subjectId() != null) {
                    users.add(e.subjectId());
                }
            });
        }
        return users;
    }

    @Override
    public long removeDay(LocalDate day) {
        long removed = 0;
        for (Partition p : new ArrayList<>(chains.keySet())) {
            if (p.day().equals(day)) {
                for (UUID id : chains.remove(p)) {
                    AuditEvent e = events.remove(id);
                    order.remove(new Key(e.at(), id));
                    removed++;
                }
                locks.remove(p);
            }
        }
        return removed;
    }
}
