package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.defarm.domain.identity.PasswordResetToken;
import net.defarm.domain.identity.UserAccount;
import org.junit.jupiter.api.Test;

/** Password reset tokens, and the account's "sessions valid from" instant that a reset sets. */
public abstract class PasswordResetContract extends StoreContract {

    private static final Instant T = micros("2025-03-03T03:03:03.030303Z");

    private PasswordResetToken token(String owner, Instant created) {
        return new PasswordResetToken(UUID.randomUUID().toString().replace("-", "") + "ab", owner, created,
                created.plus(Duration.ofMinutes(30)), null);
    }

    private PasswordResetToken stored(String owner, Instant created) {
        PasswordResetToken t = token(owner, created);
        store.unitOfWork().inTransaction(() -> store.resetTokens().insert(t));
        return t;
    }

    @Test
    void aTokenRoundTripsAndIsConsumedOnceWhileUnexpired() {
        String owner = newOwner();
        PasswordResetToken t = stored(owner, T);
        assertEquals(t, store.resetTokens().findByHash(t.tokenHash()).orElseThrow());
        assertTrue(store.resetTokens().findByHash("unknown").isEmpty());

        assertTrue(store.unitOfWork().inTransaction(() -> store.resetTokens().consume(t.tokenHash(),
                T.plusSeconds(60))));
        assertEquals(T.plusSeconds(60), store.resetTokens().findByHash(t.tokenHash()).orElseThrow().usedAt());
        assertFalse(store.unitOfWork().inTransaction(() -> store.resetTokens().consume(t.tokenHash(),
                T.plusSeconds(61))), "single use");
        assertFalse(store.resetTokens().consume("unknown", T));

        PasswordResetToken late = stored(owner, T);
        assertFalse(store.resetTokens().consume(late.tokenHash(), late.expiresAt()), "expired at its expiry");
    }

    @Test
    void aConsumptionRolledBackLeavesTheTokenUsable() {
        PasswordResetToken t = stored(newOwner(), T);
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            store.resetTokens().consume(t.tokenHash(), T.plusSeconds(1));
            throw new IllegalStateException("rolled back");
        }));
        assertTrue(store.resetTokens().findByHash(t.tokenHash()).orElseThrow().usable(T.plusSeconds(2)));
    }

    @Test
    void ofConcurrentConsumersExactlyOneWins() throws Exception {
        PasswordResetToken t = stored(newOwner(), T);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> store.unitOfWork().inTransaction(() -> store.resetTokens().consume(t.tokenHash(),
                    T.plusSeconds(5))));
        }
        int winners = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> f : threads.invokeAll(racers)) {
                winners += f.get() ? 1 : 0;
            }
        }
        assertEquals(1, winners);
    }

    @Test
    void recentRequestsAreCountedPerAccountAndOldOnesDeleted() {
        String owner = newOwner();
        String other = newOwner();
        stored(owner, T.minus(Duration.ofDays(2)));
        stored(owner, T.minus(Duration.ofMinutes(90)));
        stored(owner, T.minus(Duration.ofMinutes(30)));
        stored(owner, T);
        stored(other, T);
        assertEquals(2, store.resetTokens().countIssuedSince(owner, T.minus(Duration.ofHours(1))));
        assertEquals(1, store.resetTokens().countIssuedSince(other, T.minus(Duration.ofHours(1))));
        assertEquals(1, store.unitOfWork().inTransaction(() -> store.resetTokens().deleteIssuedBefore(owner,
                T.minus(Duration.ofDays(1)))));
        assertEquals(3, store.resetTokens().countIssuedSince(owner, T.minus(Duration.ofDays(3))));
        assertEquals(1, store.resetTokens().countIssuedSince(other, T.minus(Duration.ofDays(3))));
    }

    @Test
    void theSessionsValidFromInstantIsStoredWithTheNewPassword() {
        String owner = newOwner();
        UserAccount before = store.users().findById(owner).orElseThrow();
        assertEquals(null, before.sessionsValidFrom());
        Instant reset = micros("2025-04-04T04:04:04.040404Z");
        UserAccount after = store.unitOfWork().inTransaction(() -> store.users().update(
                before.withNewPassword("$2b$04$newhash", reset)));
        UserAccount read = store.users().findById(owner).orElseThrow();
        assertEquals(after, read);
        assertEquals("$2b$04$newhash", read.passwordHash());
        assertEquals(reset, read.sessionsValidFrom(), "kept to the microsecond");
        assertFalse(read.acceptsSessionIssuedAt(reset.minusNanos(1000)));
        assertTrue(read.acceptsSessionIssuedAt(reset));
        assertFalse(read.acceptsSessionIssuedAt(null), "a token without an issue time is refused after a reset");
    }
}
