package net.defarm.adapters.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.defarm.application.events.EventRepository;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every cache kind guarantees (storage contract cases CACHE-01, 03, 04, 08, docs/storage-modes.md), checked against PostgreSQL itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CacheBehaviourTests {

    protected abstract CacheSettings.Kind kind();

    protected CachedStore store;
    protected StoragePorts cached;
    protected StoragePorts database;

    @BeforeAll
    void open() {
        store = new CachedStore(kind()).open();
        database = store.storage().ports();
    }

    @AfterAll
    void close() {
        store.close();
    }

    @BeforeEach
    void freshStore() {
        cached = store.fresh();
    }

    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    protected String user(StoragePorts ports) {
        String id = "user-" + UUID.randomUUID();
        ports.unitOfWork().inTransaction(() -> ports.users().insert(UserAccount.register(id, id, id + "@example.com",
                "$2b$04$hash", null, now())));
        return id;
    }

    protected Item item(StoragePorts ports, String owner) {
        Item item = Item.create("DFID-" + UUID.randomUUID(), List.of(Identifier.contextual("generic", "lote",
                UUID.randomUUID().toString())), JsonObject.of("peso", JsonValue.of(1)), UUID.randomUUID(), owner, now());
        return ports.unitOfWork().inTransaction(() -> ports.items().insert(item));
    }

    protected Item enrich(StoragePorts ports, String dfid, int weight) {
        return ports.unitOfWork().inTransaction(() -> {
            Item current = ports.items().findByDfid(dfid).orElseThrow();
            return ports.items().update(current.enrichedWith(JsonObject.of("peso", JsonValue.of(weight)),
                    UUID.randomUUID(), now()));
        });
    }

    protected static int weight(Item item) {
        return Integer.parseInt(item.enrichedData().get("peso").orElseThrow().toCanonicalJson());
    }

    protected RegionStats stats(String region) {
        return store.current().stats().stream().filter(s -> s.region().equals(region)).findFirst().orElseThrow();
    }

    @Test
    void cache01_readYourWrites() {
        Item item = item(cached, user(cached));
        assertEquals(1, weight(cached.items().findByDfid(item.dfid()).orElseThrow()));
        long hits = stats(CacheTier.ITEMS).hits();
        assertEquals(1, weight(cached.items().findByDfid(item.dfid()).orElseThrow()));
        assertEquals(hits + 1, stats(CacheTier.ITEMS).hits(), "the second read is served by the cache");

        enrich(cached, item.dfid(), 2);
        assertEquals(2, weight(cached.items().findByDfid(item.dfid()).orElseThrow()));
    }

    @Test
    void cache03_aReaderThatLoadedBeforeAWriteCannotPutTheOldValueBack() throws Exception {
        Item item = item(cached, user(cached));
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CacheTier paused = store.tier(store.current().settings(), (region, id) -> {
            if (region.equals(CacheTier.ITEMS) && id.equals(item.dfid()) && loaded.getCount() > 0) {
                loaded.countDown();
                await(release);
            }
        });
        try {
            StoragePorts ports = paused.ports();
            AtomicReference<Item> readerSaw = new AtomicReference<>();
            Thread reader = Thread.ofVirtual().start(() -> readerSaw.set(ports.items().findByDfid(item.dfid())
                    .orElseThrow()));
            assertTrue(loaded.await(5, TimeUnit.SECONDS), "the reader loaded the old value");
            Thread writer = Thread.ofVirtual().start(() -> enrich(ports, item.dfid(), 2));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (weight(database.items().findByDfid(item.dfid()).orElseThrow()) != 2) {
                assertTrue(System.nanoTime() < deadline, "the writer commits while the reader is paused");
                Thread.sleep(5);
            }
            Thread.sleep(50);
            release.countDown();
            reader.join(5000);
            writer.join(5000);
            assertFalse(reader.isAlive() || writer.isAlive());
            assertEquals(1, weight(readerSaw.get()), "the reader returns what it read");
            for (int i = 0; i < 3; i++) {
                assertEquals(2, weight(ports.items().findByDfid(item.dfid()).orElseThrow()),
                        "but never caches it after the write");
            }
        } finally {
            release.countDown();
            paused.close();
        }
    }

    @Test
    void concurrentMissesOfOneKeyLoadItOnce() throws Exception {
        Item item = item(cached, user(cached));
        java.util.concurrent.atomic.AtomicInteger loadsOfTheKey = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CacheTier tier = store.tier(store.current().settings(), (region, id) -> {
            if (region.equals(CacheTier.ITEMS) && id.equals(item.dfid())) {
                loadsOfTheKey.incrementAndGet();
                await(release);
            }
        });
        try {
            List<Thread> readers = new java.util.ArrayList<>();
            java.util.Queue<Item> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
            for (int i = 0; i < 8; i++) {
                readers.add(Thread.ofVirtual().start(() -> seen.add(tier.ports().items().findByDfid(item.dfid())
                        .orElseThrow())));
            }
            Thread.sleep(200);
            release.countDown();
            for (Thread t : readers) {
                t.join(5000);
            }
            assertEquals(8, seen.size());
            assertEquals(1, loadsOfTheKey.get(), "eight concurrent misses, one query");
            assertEquals(1, seen.stream().distinct().count());
        } finally {
            release.countDown();
            tier.close();
        }
    }

    @Test
    void cache04_everyWritePathInvalidates() {
        String owner = user(cached);
        Item item = item(cached, owner);
        cached.items().findByDfid(item.dfid());
        Item deprecated = cached.unitOfWork().inTransaction(() -> cached.items().update(cached.items()
                .findByDfid(item.dfid()).orElseThrow().withStatus(ItemStatus.DEPRECATED, now())));
        assertEquals(ItemStatus.DEPRECATED, cached.items().findByDfid(item.dfid()).orElseThrow().status());
        assertEquals(deprecated.version(), cached.items().findByDfid(item.dfid()).orElseThrow().version());

        UserAccount account = cached.users().findById(owner).orElseThrow();
        cached.unitOfWork().inTransaction(() -> cached.users().update(new UserAccount(account.userId(),
                account.username(), account.email(), account.passwordHash(), UserTier.PROFESSIONAL, account.status(),
                account.credits(), account.createdAt(), now(), account.lastLogin(), account.admin(),
                account.workspaceId(), account.availableAdapters(), account.version(),
                account.sessionsValidFrom())));
        assertEquals(UserTier.PROFESSIONAL, cached.users().findById(owner).orElseThrow().tier());

        String member = user(cached);
        Circuit circuit = cached.unitOfWork().inTransaction(() -> cached.circuits().insert(Circuit.create(
                UUID.randomUUID(), "C", "d", owner, null, null, null, null, now())));
        assertEquals(Set.of(circuit.circuitId()), cached.memberCircuits().circuitsOf(owner));
        assertEquals(Set.of(), cached.memberCircuits().circuitsOf(member));
        cached.circuits().findById(circuit.circuitId());
        cached.unitOfWork().inTransaction(() -> cached.circuits().update(cached.circuits()
                .findById(circuit.circuitId()).orElseThrow().withMember(member, MemberRole.VIEWER, now())));
        assertTrue(cached.circuits().findById(circuit.circuitId()).orElseThrow().isMember(member),
                "a child collection change (member added) invalidates the circuit");
        assertEquals(Set.of(circuit.circuitId()), cached.memberCircuits().circuitsOf(member),
                "and the new member's circuits");
        cached.unitOfWork().inTransaction(() -> cached.circuits().update(cached.circuits()
                .findById(circuit.circuitId()).orElseThrow().withoutMember(member, now())));
        assertEquals(Set.of(), cached.memberCircuits().circuitsOf(member), "a removed member loses access at once");

        UUID lid = UUID.randomUUID();
        assertEquals(Optional.empty(), cached.lidMappings().findDfid(lid));
        assertEquals(Optional.empty(), cached.lidMappings().findDfid(lid), "known absence is cached");
        cached.unitOfWork().inTransaction(() -> cached.lidMappings().bind(lid, item.dfid()));
        assertEquals(Optional.of(item.dfid()), cached.lidMappings().findDfid(lid));

        EventRepository.EventQuery timeline = EventRepository.EventQuery.visibleTo(owner, Set.of())
                .forItem(item.dfid());
        assertEquals(List.of(), cached.events().find(timeline, null, 10));
        Event first = cached.unitOfWork().inTransaction(() -> cached.events().insertIfAbsent(Event.record(
                UUID.randomUUID(), item.dfid(), EventType.CREATED, owner, EventVisibility.PUBLIC, JsonObject.EMPTY,
                now())).event());
        assertEquals(List.of(first.eventId()), ids(cached.events().find(timeline, null, 10)));
        Event changed = cached.unitOfWork().inTransaction(() -> cached.events().update(first.withMetadata(
                JsonObject.of("lote", JsonValue.of("L1")))));
        assertEquals(List.of(changed), cached.events().find(timeline, null, 10));
    }

    @Test
    void cache08_listsAndQueriesAlwaysComeFromTheStore() {
        String owner = user(cached);
        Item item = item(cached, owner);
        cached.items().findByDfid(item.dfid());
        enrich(database, item.dfid(), 7);
        List<Item> listed = cached.items().find(ItemRepository.ItemQuery.all(owner), null, 10);
        assertEquals(7, weight(listed.getFirst()), "a list reflects the database, even behind a warm cache");
    }

    @Test
    void timelinesAreFilteredPerReaderAfterTheRead() {
        String owner = user(cached);
        String other = user(cached);
        Item item = item(cached, owner);
        cached.unitOfWork().inTransaction(() -> {
            cached.events().insertIfAbsent(Event.record(UUID.randomUUID(), item.dfid(), EventType.CREATED, owner,
                    EventVisibility.PRIVATE, JsonObject.of("preco", JsonValue.of("secret")), now()));
            cached.events().insertIfAbsent(Event.record(UUID.randomUUID(), item.dfid(), EventType.UPDATED, owner,
                    EventVisibility.PUBLIC, JsonObject.EMPTY, now()));
        });
        EventRepository.EventQuery mine = EventRepository.EventQuery.visibleTo(owner, Set.of()).forItem(item.dfid());
        EventRepository.EventQuery theirs = EventRepository.EventQuery.visibleTo(other, Set.of())
                .forItem(item.dfid());
        assertEquals(2, cached.events().find(mine, null, 10).size(), "the owner warms the timeline");
        List<Event> seen = cached.events().find(theirs, null, 10);
        assertEquals(1, seen.size(), "another reader gets only what they may see");
        assertEquals(EventVisibility.PUBLIC, seen.getFirst().visibility());
        assertEquals(database.events().find(theirs, null, 10), seen, "exactly what the store answers");
        List<Event> page = cached.events().find(mine, null, 1);
        assertEquals(database.events().find(mine, EventRepository.EventKey.of(page.getFirst()), 10),
                cached.events().find(mine, EventRepository.EventKey.of(page.getFirst()), 10), "cursors too");
    }

    @Test
    void readsInsideATransactionSeeItsOwnWrites() {
        Item item = item(cached, user(cached));
        cached.items().findByDfid(item.dfid());
        int seen = cached.unitOfWork().inTransaction(() -> {
            Item current = cached.items().findByDfid(item.dfid()).orElseThrow();
            cached.items().update(current.enrichedWith(JsonObject.of("peso", JsonValue.of(3)), UUID.randomUUID(),
                    now()));
            return weight(cached.items().findByDfid(item.dfid()).orElseThrow());
        });
        assertEquals(3, seen);
    }

    protected static List<UUID> ids(List<Event> events) {
        return events.stream().map(Event::eventId).toList();
    }

    protected static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
