package net.defarm.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.defarm.application.contract.ItemRepositoryContract;
import net.defarm.application.events.EventRepository.EventQuery;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Four instances of five connections each (20 clients) share a PgBouncer with five server connections in
 * transaction mode: every client stores items and their events and reads them back, over and over (so that a
 * statement reused on one client connection would be prepared on the server if the driver were allowed to), and
 * nothing fails or goes missing.
 */
class PgBouncerConcurrencyTest {

    private static final int INSTANCES = 4;
    private static final int POOL = 5;
    private static final int CLIENTS = INSTANCES * POOL;
    private static final int ROUNDS = 12;

    @RegisterExtension
    static final PgBouncerStoreTests STORE = new PgBouncerStoreTests();

    @Test
    void twentyClientsThroughFiveServerConnectionsStoreAndReadItemsAndEvents() throws Exception {
        List<StoragePorts> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(STORE.instance(POOL).ports());
        }
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                StoragePorts store = instances.get(c % INSTANCES);
                int client = c;
                running.add(clients.submit(() -> {
                    try {
                        start.await();
                        work(store, client);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        }
        assertTrue(errors.isEmpty(), () -> errors.size() + " clients failed, first: " + errors.peek());
        StoragePorts any = instances.getFirst();
        for (int c = 0; c < CLIENTS; c++) {
            for (int r = 0; r < ROUNDS; r++) {
                String dfid = dfid(c, r);
                assertTrue(any.items().findByDfid(dfid).isPresent(), dfid);
                assertEquals(1, any.events().find(EventQuery.allStored().forItem(dfid), null, 10).size(), dfid);
            }
        }
        Map<String, String> pool = STORE.bouncer().show("POOLS").stream()
                .filter(row -> !"pgbouncer".equals(row.get("database"))).findFirst().orElseThrow();
        int servers = Integer.parseInt(pool.get("sv_active")) + Integer.parseInt(pool.get("sv_idle"))
                + Integer.parseInt(pool.get("sv_used")) + Integer.parseInt(pool.get("sv_tested"))
                + Integer.parseInt(pool.get("sv_login"));
        assertTrue(servers <= PgBouncerStoreTests.SERVER_CONNECTIONS, "server connections: " + pool);
        long transactions = STORE.bouncer().show("STATS").stream()
                .filter(row -> !"pgbouncer".equals(row.get("database")))
                .mapToLong(row -> Long.parseLong(row.get("total_xact_count"))).sum();
        assertTrue(transactions >= (long) CLIENTS * ROUNDS * 3, "transactions through the pooler: " + transactions);
    }

    private static void work(StoragePorts store, int client) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String owner = "user-pgb-" + client + "-" + UUID.randomUUID();
        store.unitOfWork().inTransaction(() -> store.users().insert(UserAccount.register(owner, owner,
                owner + "@example.com", "$2b$04$hash", null, now)));
        for (int r = 0; r < ROUNDS; r++) {
            String dfid = dfid(client, r);
            Item item = ItemRepositoryContract.fullItem(dfid, owner);
            Event event = Event.record(UUID.randomUUID(), dfid, EventType.CREATED, owner, EventVisibility.PRIVATE,
                    JsonObject.of(Map.of("client", JsonValue.of(client), "round", JsonValue.of(r))), now);
            store.unitOfWork().inTransaction(() -> {
                store.items().insert(item);
                return store.events().insertIfAbsent(event);
            });
            assertEquals(dfid, store.items().findByDfid(dfid).orElseThrow().dfid());
            assertEquals(event.eventId(), store.events().findById(event.eventId()).orElseThrow().eventId());
            assertEquals(1, store.events().find(EventQuery.allStored().forItem(dfid), null, 10).size());
        }
    }

    private static String dfid(int client, int round) {
        return "DFID-20250601-%06d-%04d".formatted(client, round);
    }
}
