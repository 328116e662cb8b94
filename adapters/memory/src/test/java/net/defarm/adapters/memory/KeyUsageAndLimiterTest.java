package net.defarm.adapters.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import net.defarm.application.identity.ApiKeyRepository;
import net.defarm.application.identity.KeyDailyUsage;
import net.defarm.application.identity.KeyUsage;
import net.defarm.application.identity.LocalRateLimiter;
import net.defarm.application.identity.RateLimiter;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.access.ApiKeyPermissions;
import net.defarm.domain.access.OrganizationType;
import org.junit.jupiter.api.Test;

/** Usage counted in memory survives a failed flush; the per-instance limiter counts per key and per hour. */
class KeyUsageAndLimiterTest {

    private static final Instant NOON = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void aFailedFlushKeepsTheCountsForTheNextOne() {
        StoragePorts store = InMemoryStorage.create();
        ApiKey key = new ApiKey(UUID.randomUUID(), "user-1", "k", "dfm_abcd", "hash", OrganizationType.Producer,
                null, ApiKeyPermissions.readOnly(), List.of(), List.of(), 10, null, true, NOON, null, null, 0);
        store.apiKeys().insert(key);
        AtomicBoolean down = new AtomicBoolean(true);
        ApiKeyRepository flaky = (ApiKeyRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ApiKeyRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addUsage") && down.get()) {
                        throw new IllegalStateException("database down");
                    }
                    try {
                        return method.invoke(store.apiKeys(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        KeyUsage usage = new KeyUsage(flaky, store.unitOfWork());
        usage.record(key.id(), NOON, false, 10);
        usage.record(key.id(), NOON.plusSeconds(1), true, 30);
        assertThrows(IllegalStateException.class, usage::flush);
        assertEquals(0, store.apiKeys().findById(key.id()).orElseThrow().usageCount(), "nothing written yet");

        usage.record(key.id(), NOON.plusSeconds(2), false, 5);
        down.set(false);
        assertEquals(3, usage.flush());
        ApiKey stored = store.apiKeys().findById(key.id()).orElseThrow();
        assertEquals(3, stored.usageCount());
        assertEquals(NOON.plusSeconds(2), stored.lastUsedAt());
        assertEquals(List.of(new KeyDailyUsage(LocalDate.parse("2025-06-01"), 3, 1, 45)),
                store.apiKeys().dailyUsage(key.id(), LocalDate.parse("2025-06-01")));
        assertEquals(0, usage.flush(), "each request is written once");
    }

    @Test
    void theLocalLimiterCountsPerKeyAndStartsAgainEachHour() {
        LocalRateLimiter limiter = new LocalRateLimiter();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        RateLimiter.Decision first = limiter.check(a, 2, NOON);
        assertTrue(first.allowed());
        assertEquals(1, first.remaining());
        assertEquals(Instant.parse("2025-06-01T13:00:00Z"), first.resetAt());
        assertTrue(limiter.check(a, 2, NOON.plusSeconds(10)).allowed());
        RateLimiter.Decision third = limiter.check(a, 2, NOON.plusSeconds(20));
        assertFalse(third.allowed());
        assertEquals(0, third.remaining());
        assertTrue(limiter.check(b, 2, NOON.plusSeconds(30)).allowed(), "another key has its own count");
        assertTrue(limiter.check(a, 2, Instant.parse("2025-06-01T13:00:00Z")).allowed(), "a new hour");
        assertFalse(limiter.check(a, 0, NOON).allowed(), "a limit of 0 refuses every request");
    }
}
