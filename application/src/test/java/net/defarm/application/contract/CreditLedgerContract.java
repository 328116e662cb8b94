package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.testing.Concurrently;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.credits.InsufficientCreditsException;
import net.defarm.domain.credits.TransactionType;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/**
 * Credit ledgers on every store: each append moves the account's balance and writes its line together, a refused
 * append writes nothing, a rolled-back one leaves no trace, account updates never write the balance, and
 * concurrent appends on one account lose nothing (the balance is always the last line's balance_after).
 */
public abstract class CreditLedgerContract extends StoreContract {

    private CreditTransaction append(String user, TransactionType type, long amount, boolean mayOverdraw) {
        return store.credits().append(new CreditLedger.Entry(UUID.randomUUID(), user, type, amount,
                type.display() + " " + amount, micros("2025-06-02T10:00:00.654321Z"), mayOverdraw));
    }

    private long balance(String user) {
        return store.users().findById(user).orElseThrow().credits();
    }

    private List<CreditTransaction> all(String user) {
        return store.credits().history(user, null, 100_000);
    }

    /** Newest first, sequences n..1 without gaps, each balance the previous one plus its amount, ending on the account's. */
    private void assertConsistent(String user) {
        List<CreditTransaction> lines = all(user);
        long previous = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            CreditTransaction line = lines.get(i);
            assertEquals(lines.size() - i, line.sequence());
            assertEquals(previous + line.amount(), line.balanceAfter(), "line " + line.sequence());
            previous = line.balanceAfter();
        }
        assertEquals(previous, balance(user));
    }

    @Test
    void anAppendMovesTheBalanceAndRecordsItsLine() {
        String user = newOwner();
        assertEquals(0, balance(user));
        CreditTransaction grant = append(user, TransactionType.GRANT, 100, false);
        assertEquals(1, grant.sequence());
        assertEquals(100, grant.balanceAfter());
        CreditTransaction used = append(user, TransactionType.CONSUMPTION, -30, false);
        assertEquals(2, used.sequence());
        assertEquals(70, used.balanceAfter());
        assertEquals(70, balance(user));
        assertEquals(List.of(used, grant), all(user), "newest first, as stored");
        assertEquals(List.of(used), store.credits().history(user, null, 1));
        assertEquals(List.of(grant), store.credits().history(user, 2L, 10));
        assertTrue(store.credits().history(user, 1L, 10).isEmpty());
        assertTrue(store.credits().history("user-nobody", null, 10).isEmpty());
        assertEquals(used, store.credits().find(used.transactionId()).orElseThrow());
        assertTrue(store.credits().find(UUID.randomUUID()).isEmpty());
        assertConsistent(user);
    }

    @Test
    void theTotalsSumEveryPositiveAndEveryNegativeLine() {
        CreditLedger.Totals before = store.credits().totals();
        String user = newOwner();
        append(user, TransactionType.GRANT, 100, false);
        append(user, TransactionType.PURCHASE, 20, false);
        append(user, TransactionType.CONSUMPTION, -30, false);
        append(user, TransactionType.PENALTY, -200, true);
        assertThrows(InsufficientCreditsException.class, () -> append(user, TransactionType.CONSUMPTION, -1, false));
        CreditLedger.Totals after = store.credits().totals();
        assertEquals(before.issued() + 120, after.issued(), "grants and purchases");
        assertEquals(before.consumed() + 230, after.consumed(), "the consumption and the penalty, refused one aside");
        assertEquals(after.issued() - after.consumed() - (before.issued() - before.consumed()), balance(user));
    }

    @Test
    void theGuardRefusesAnOverdraftAndWritesNothing() {
        String user = newOwner();
        append(user, TransactionType.GRANT, 100, false);
        InsufficientCreditsException e = assertThrows(InsufficientCreditsException.class,
                () -> append(user, TransactionType.CONSUMPTION, -101, false));
        assertEquals(101, e.required());
        assertEquals(100, e.balance());
        assertEquals(100, balance(user));
        assertEquals(1, all(user).size());
        CreditTransaction exact = append(user, TransactionType.CONSUMPTION, -100, false);
        assertEquals(0, exact.balanceAfter(), "spending the whole balance is allowed");
        CreditTransaction penalty = append(user, TransactionType.PENALTY, -150, true);
        assertEquals(-150, penalty.balanceAfter(), "a penalty may take the balance below zero");
        assertThrows(InsufficientCreditsException.class, () -> append(user, TransactionType.CONSUMPTION, -1, false));
        assertConsistent(user);
    }

    @Test
    void anUnknownAccountIsRefused() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> append("user-" + UUID.randomUUID(), TransactionType.GRANT, 5, true));
        assertEquals("USER_NOT_FOUND", e.code());
    }

    @Test
    void aRolledBackAppendLeavesNoTrace() {
        String user = newOwner();
        append(user, TransactionType.GRANT, 10, false);
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            append(user, TransactionType.CONSUMPTION, -4, false);
            throw new IllegalStateException("the operation failed after the charge");
        }));
        assertEquals(10, balance(user));
        assertEquals(1, all(user).size());
        assertEquals(2, append(user, TransactionType.CONSUMPTION, -4, false).sequence());
        assertConsistent(user);
    }

    @Test
    void accountUpdatesNeverWriteTheBalance() {
        String user = newOwner();
        UserAccount before = store.users().findById(user).orElseThrow();
        append(user, TransactionType.GRANT, 40, false);
        UserAccount read = store.users().findById(user).orElseThrow();
        assertEquals(before.version(), read.version(), "a balance move does not make account updates stale");
        UserAccount tampered = new UserAccount(read.userId(), read.username(), read.email(), read.passwordHash(),
                read.tier(), read.status(), 999_999, read.createdAt(), read.updatedAt(), read.lastLogin(), read.admin(),
                read.workspaceId(), read.availableAdapters(), read.version(), read.sessionsValidFrom());
        UserAccount stored = store.unitOfWork().inTransaction(() -> store.users().update(tampered));
        assertEquals(40, stored.credits());
        assertEquals(40, balance(user));
        assertConsistent(user);
    }

    @Test
    void concurrentAppendsLoseNothing() throws Exception {
        String user = newOwner();
        append(user, TransactionType.GRANT, 1000, false);
        int threads = 4;
        int each = 15;
        List<Runnable> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (int i = 0; i < each; i++) {
                    append(user, TransactionType.CONSUMPTION, -3, false);
                }
            });
        }
        assertEquals(new Concurrently.Tally(threads, 0),
                Concurrently.run(threads, tasks, InsufficientCreditsException.class));
        assertEquals(1000 - 3L * threads * each, balance(user));
        assertEquals(1 + threads * each, all(user).size());
        assertConsistent(user);
    }

    @Test
    void concurrentConsumptionsNeverOverdraw() throws Exception {
        String user = newOwner();
        append(user, TransactionType.GRANT, 10, false);
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> append(user, TransactionType.CONSUMPTION, -1, false));
        }
        Concurrently.Tally tally = Concurrently.run(4, tasks, InsufficientCreditsException.class);
        assertEquals(new Concurrently.Tally(10, 6), tally);
        assertEquals(0, balance(user));
        assertConsistent(user);
    }
}
