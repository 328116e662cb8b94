package net.defarm.adapters.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import net.defarm.application.identity.RecentCredentials;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.identity.UserAccount;

/**
 * Recent credentials in process (Caffeine): accounts by id and keys by hash, each for at most {@code window}
 * counted from the moment its read began, not from when it was stored, so a slow read cannot stretch the window.
 *
 * <p>Caffeine runs one read per entry at a time (a burst of requests from one caller costs one read) and an
 * invalidation waits for a read in progress and then drops its result: what {@link RecentCredentials} promises.
 */
public final class CaffeineRecentCredentials implements RecentCredentials {

    /** The longest window: a change made elsewhere must be seen within a second (ADR 0023). */
    public static final Duration MAX_WINDOW = Duration.ofSeconds(1);

    /** A kept value and when its read began ({@link System#nanoTime()}, Caffeine's clock). */
    private record Read<V>(V value, long startedNanos) {
    }

    private final long windowNanos;
    private final Cache<String, Read<UserAccount>> accounts;
    private final Cache<String, Read<ApiKey>> keys;

    /** At most {@code maxEntries} of each kind; {@code window} must be positive and at most a second. */
    public CaffeineRecentCredentials(Duration window, int maxEntries) {
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("the freshness window must be between 1 ms and 1000 ms (was "
                    + window.toMillis() + " ms)");
        }
        this.windowNanos = window.toNanos();
        this.accounts = build(maxEntries);
        this.keys = build(maxEntries);
    }

    @Override
    public Optional<UserAccount> account(String userId, Function<String, Optional<UserAccount>> load) {
        return recent(accounts, userId, load, UserAccount::isActive);
    }

    @Override
    public Optional<ApiKey> key(String keyHash, Function<String, Optional<ApiKey>> load) {
        return recent(keys, keyHash, load, ApiKey::active);
    }

    @Override
    public void forgetAccount(String userId) {
        accounts.invalidate(userId);
    }

    @Override
    public void forgetKey(String keyHash) {
        keys.invalidate(keyHash);
    }

    /** How many accounts and keys are kept now (for tests and diagnostics). */
    public long size() {
        return accounts.estimatedSize() + keys.estimatedSize();
    }

    private <V> Cache<String, Read<V>> build(int maxEntries) {
        return Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, Read<V>>creating((key, read) ->
                        Duration.ofNanos(Math.max(0, windowNanos - (System.nanoTime() - read.startedNanos())))))
                .build();
    }

    /** Only what would be accepted is kept; a refusal or an absence is returned without being kept. */
    private static <V> Optional<V> recent(Cache<String, Read<V>> cache, String id,
                                          Function<String, Optional<V>> load, Predicate<V> acceptable) {
        @SuppressWarnings("unchecked")
        Optional<V>[] refused = new Optional[1];
        Read<V> read = cache.get(id, key -> {
            long started = System.nanoTime();
            Optional<V> value = load.apply(key);
            if (value.isPresent() && acceptable.test(value.get())) {
                return new Read<>(value.get(), started);
            }
            refused[0] = value;
            return null;
        });
        return read == null ? refused[0] : Optional.of(read.value());
    }
}
