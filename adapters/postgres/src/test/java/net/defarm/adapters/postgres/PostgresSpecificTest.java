package net.defarm.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.StoreHealth;
import net.defarm.application.shared.StoreUnavailableException;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.Fixture;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only PostgreSQL can show: statement bounds, several pools on one database, migrations, outages. */
class PostgresSpecificTest {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Test
    void gettingAnItemAndListingAPageTakeAtMostThreeStatements() {
        Fixture f = new Fixture(STORE.fresh());
        Actor alice = f.newUser("alice");
        String dfid = null;
        for (int i = 0; i < 120; i++) {
            dfid = f.createItem(alice, null, Fixture.lote("s" + i), Fixture.sisbov("BR" + (100000000000L + i)))
                    .dfid();
        }
        ItemRepository items = STORE.storage().ports().items();
        long before = STORE.storage().statementCount();
        Item item = items.findByDfid(dfid).orElseThrow();
        long get = STORE.storage().statementCount() - before;
        assertEquals(2, item.identifiers().size());

        before = STORE.storage().statementCount();
        List<Item> page = items.find(ItemRepository.ItemQuery.all(alice.userId()), null, 100);
        long list = STORE.storage().statementCount() - before;
        assertEquals(100, page.size());
        assertTrue(page.stream().allMatch(i -> i.identifiers().size() == 2 && i.sourceEntries().size() == 1));

        before = STORE.storage().statementCount();
        items.find(ItemRepository.ItemQuery.all(alice.userId()), ItemRepository.ItemKey.of(page.getLast()), 100);
        long nextPage = STORE.storage().statementCount() - before;

        assertTrue(get <= 3, "get item took " + get + " statements");
        assertTrue(list <= 3, "list page took " + list + " statements");
        assertTrue(nextPage <= 3, "next page took " + nextPage + " statements");
        assertEquals(1, get, "one statement: children are aggregated");
        assertEquals(1, list, "one statement per page whatever its size");
    }

    @Test
    void twoPoolsOnOneDatabaseNeverIssueTheSameDfid() throws Exception {
        STORE.database().truncate();
        try (PostgresStorage second = PostgresStorage.open(STORE.database().settings(4))) {
            Fixture one = new Fixture(STORE.storage().ports());
            Fixture two = new Fixture(second.ports());
            Actor a = one.newUser("a");
            Actor b = two.newUser("b");
            Set<String> dfids = ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Fixture f = t % 2 == 0 ? one : two;
                Actor actor = t % 2 == 0 ? a : b;
                int thread = t;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 50; i++) {
                        dfids.add(f.createItem(actor, null, Fixture.lote(thread + "-" + i)).dfid());
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(400, dfids.size());
            assertEquals(400, STORE.database().count("SELECT count(DISTINCT dfid) FROM items"));
        }
    }

    @Test
    void migrationsApplyOnceAndTheSchemaStatusTellsBehindFromCurrent() {
        assertTrue(STORE.storage().schemaStatus().current(), STORE.storage().schemaStatus().describe());
        assertEquals(PostgresMigrations.latestVersion(), STORE.storage().schemaStatus().applied().orElseThrow());
        assertTrue(PostgresMigrations.latestVersion() >= 2);
        TestDatabase database = STORE.database();
        assertEquals(0, PostgresMigrations.migrate(database.settings(), database.schema()).migrationsExecuted,
                "running migrate again is a no-op");
        try (TestDatabase empty = TestDatabase.create(false);
             PostgresStorage unmigrated = PostgresStorage.open(empty.settings(2))) {
            PostgresStorage.SchemaStatus status = unmigrated.schemaStatus();
            assertFalse(status.current());
            assertTrue(status.applied().isEmpty());
            assertEquals(shippedMigrations(),
                    PostgresMigrations.migrate(empty.settings(), empty.schema()).migrationsExecuted);
            assertTrue(unmigrated.schemaStatus().current());
        }
    }

    /** Migration files of this build (their numbers may have gaps: each branch is given its own). */
    private static long shippedMigrations() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(
                PostgresMigrations.class.getResource("/" + PostgresMigrations.LOCATION).toURI()))) {
            return files.filter(p -> PostgresMigrations.version(p.getFileName().toString()).isPresent()).count();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSchemaRefusesUnknownEnumValues() {
        Fixture f = new Fixture(STORE.fresh());
        Actor alice = f.newUser("alice");
        Item item = f.createItem(alice, null, Fixture.lote("enum"));
        assertThrows(IllegalStateException.class, () -> STORE.database().execute(
                "UPDATE items SET status = 'Exploded' WHERE dfid = '" + item.dfid() + "'"));
        f.events.recordEvent().record(alice, item.dfid(), net.defarm.domain.events.EventType.CREATED,
                net.defarm.domain.events.EventVisibility.PUBLIC, net.defarm.domain.shared.JsonObject.EMPTY);
        assertEquals(1, STORE.database().count("SELECT count(*) FROM events"));
        assertThrows(IllegalStateException.class,
                () -> STORE.database().execute("UPDATE events SET visibility = 'Secret'"));
    }

    @Test
    void anUnreachableDatabaseIsUnavailableNotAnError() {
        PostgresSettings nowhere = new PostgresSettings("jdbc:postgresql://127.0.0.1:1/test", "postgres", "", 2,
                Duration.ofMillis(500), Duration.ofSeconds(1));
        try (PostgresStorage down = PostgresStorage.open(nowhere)) {
            StoragePorts ports = down.ports();
            StoreHealth.Report report = ports.health().check();
            assertEquals("failed", report.state());
            long start = System.nanoTime();
            assertThrows(StoreUnavailableException.class, () -> ports.items().findByDfid("DFID-x"));
            assertThrows(StoreUnavailableException.class, () -> ports.unitOfWork().inTransaction(() ->
                    ports.items().insert(Item.create("DFID-x", List.of(Identifier.contextual("generic", "k", "v")),
                            null, UUID.randomUUID(), "u", Instant.now()))));
            assertThrows(StoreUnavailableException.class, down::schemaStatus);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "fails fast");
        }
    }

    @Test
    void databaseUrlsInTheReferenceFormAreAccepted() {
        PostgresSettings s = PostgresSettings.of("postgres://app:s3cret@db.example:6543/defarm?sslmode=require",
                null, null, 5, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals("jdbc:postgresql://db.example:6543/defarm?sslmode=require", s.jdbcUrl());
        assertEquals("app", s.username());
        assertEquals("s3cret", s.password());
        assertFalse(s.toString().contains("s3cret"), "the password never reaches a log line");
        assertEquals(new HashSet<>(List.of(2)), new HashSet<>(List.of(
                PostgresMigrations.version("db/migration/V2__x.sql").orElseThrow())));
    }
}
