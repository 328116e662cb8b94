package net.defarm.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.defarm.application.items.DfidSequence;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.testing.Fixture;
import net.defarm.domain.items.Dfid;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What creating an item sends to PostgreSQL (ADR 0024): few statements, and still no duplicate on a race. */
class PostgresItemCreationTest {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Test
    void creatingAnItemSendsTwoStatementsAndTheDfidBlockOneInThirtyTwo() {
        Fixture f = new Fixture(STORE.fresh());
        Actor alice = f.newUser("alice");
        f.createItem(alice, null, Fixture.lote("warm-up")); // fetches this instance's first block of numbers

        long before = STORE.storage().statementCount();
        Item three = f.createItem(alice, null, Fixture.lote("L-1"), Fixture.sisbov("BR100000000001"),
                Fixture.lote("L-2"));
        assertEquals(2, STORE.storage().statementCount() - before,
                "one statement for the identifier locks and lookups, one for the item and its children");
        assertEquals(3, three.identifiers().size());

        before = STORE.storage().statementCount();
        for (int i = 0; i < 64; i++) {
            f.createItem(alice, null, Fixture.lote("many-" + i));
        }
        long many = STORE.storage().statementCount() - before;
        assertTrue(many <= 64 * 2 + 64 / PostgresDfidSequence.BLOCK + 1, "64 creates took " + many + " statements");
        assertEquals(66, STORE.database().count("SELECT count(*) FROM items"));
    }

    @Test
    void theLookupAfterTheLockSeesTheItemItsHolderCommitted() throws Exception {
        Actor owner = new Fixture(STORE.fresh()).newUser("racer");
        ItemRepository items = STORE.storage().ports().items();
        UnitOfWork uow = STORE.storage().ports().unitOfWork();
        List<Identifier> ids = List.of(Fixture.lote("contended"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> uow.inTransaction(() -> {
            assertEquals(List.of(), items.lockAndFindDfids(owner.userId(), ids, 10).get(ids.getFirst().uniqueKey()));
            Item item = items.insert(Item.create(Dfid.issue(LocalDate.of(2026, 1, 1), 999_001).value(), ids, null,
                    UUID.randomUUID(), owner.userId(), Instant.parse("2026-01-01T00:00:00Z")));
            locked.countDown();
            await(release);
            return item.dfid();
        }), threads);
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        CompletableFuture<Map<String, List<String>>> second = CompletableFuture.supplyAsync(() -> uow.inTransaction(
                () -> items.lockAndFindDfids(owner.userId(), ids, 10)), threads);
        // Commit the first only once the second waits on the lock, i.e. its call started before the commit.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (STORE.database().count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event = 'advisory' AND query LIKE '%resolve_identifiers%'") == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        release.countDown();
        String created = first.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(created), second.get(10, TimeUnit.SECONDS).get(ids.getFirst().uniqueKey()),
                "the waiting resolution must see the item committed while it waited");
        threads.close();
    }

    @Test
    void dfidsComeInOrderFromABlockAndNeverAtOrBelowWhatAnImportUsed() {
        STORE.database().truncate();
        try (PostgresDatabase one = new PostgresDatabase(STORE.database().settings(2));
             PostgresDatabase two = new PostgresDatabase(STORE.database().settings(2))) {
            DfidSequence sequence = new PostgresDfidSequence(one);
            long first = sequence.next();
            assertEquals(first + 1, sequence.next(), "one instance issues consecutive numbers from its block");
            sequence.advancePast(first + 5);
            long after = sequence.next();
            assertEquals(first + 6, after, "the block's numbers at or below the imported ones are skipped");
            assertTrue(new PostgresDfidSequence(two).next() >= first + PostgresDfidSequence.BLOCK,
                    "another instance's block starts above what this one fetched");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
