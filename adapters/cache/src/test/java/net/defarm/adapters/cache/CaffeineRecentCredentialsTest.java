package net.defarm.adapters.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import org.junit.jupiter.api.Test;

/**
 * What Authenticate relies on: an accepted account is read once within the window, a forgotten one is read again,
 * refusals and absences are never kept, and a window above one second is refused.
 */
class CaffeineRecentCredentialsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<Optional<UserAccount>> stored = new AtomicReference<>(Optional.empty());
    private final Function<String, Optional<UserAccount>> store = id -> {
        reads.incrementAndGet();
        return stored.get();
    };

    private static UserAccount active() {
        return UserAccount.register("u-1", "ana", "ana@example.com", "hash", null, NOW);
    }

    @Test
    void anActiveAccountIsReadOnceWithinTheWindowAndAgainOnceForgotten() {
        CaffeineRecentCredentials recent = new CaffeineRecentCredentials(Duration.ofSeconds(1), 100);
        stored.set(Optional.of(active()));
        assertEquals("u-1", recent.account("u-1", store).orElseThrow().userId());
        assertEquals("u-1", recent.account("u-1", store).orElseThrow().userId());
        assertEquals(1, reads.get(), "the second request used the kept account");

        UserAccount suspended = active().administered(UserTier.BASIC, AccountStatus.SUSPENDED, false, List.of(), NOW);
        stored.set(Optional.of(suspended));
        recent.forgetAccount("u-1");
        assertEquals(AccountStatus.SUSPENDED, recent.account("u-1", store).orElseThrow().status());
        assertEquals(2, reads.get());
    }

    @Test
    void refusalsAndAbsencesAreReadAgainEveryTime() {
        CaffeineRecentCredentials recent = new CaffeineRecentCredentials(Duration.ofSeconds(1), 100);
        assertTrue(recent.account("u-1", store).isEmpty());
        assertTrue(recent.account("u-1", store).isEmpty());
        stored.set(Optional.of(active().administered(UserTier.BASIC, AccountStatus.SUSPENDED, false, List.of(),
                NOW)));
        recent.account("u-1", store);
        recent.account("u-1", store);
        assertEquals(4, reads.get());
        assertEquals(0, recent.size(), "nothing refused is kept");

        stored.set(Optional.of(active()));
        assertTrue(recent.account("u-1", store).orElseThrow().isActive(), "a reactivation counts at once");
    }

    @Test
    void theWindowIsBetweenOneMillisecondAndOneSecond() {
        assertThrows(IllegalArgumentException.class,
                () -> new CaffeineRecentCredentials(Duration.ofMillis(1001), 100));
        assertThrows(IllegalArgumentException.class, () -> new CaffeineRecentCredentials(Duration.ZERO, 100));
        assertEquals(0, new CaffeineRecentCredentials(Duration.ofMillis(1), 100).size());
    }
}
