package net.defarm.adapters.memory;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/**
 * The optimistic update every versioned record shares: the new state replaces the stored one, one version up, only
 * if the stored version is still the one it was read at. Atomic per key; the caller indexes and journals the change.
 */
final class VersionedUpdate {

    /** What an update replaced, and what it stored. */
    record Replaced<V>(V previous, V stored) {
    }

    private VersionedUpdate() {
    }

    /**
     * @param readVersion the version the new state was read at
     * @param atVersion   the new state at a given version
     * @param notFound    the refusal when nothing is stored under the key
     * @param what        the record's kind, for the refusal of a stale update
     */
    static <K, V> Replaced<V> apply(Map<K, V> records, K id, long readVersion, ToLongFunction<V> version,
                                    LongFunction<V> atVersion, Function<K, NotFoundException> notFound, String what) {
        AtomicReference<V> previous = new AtomicReference<>();
        V stored = records.compute(id, (key, current) -> {
            if (current == null) {
                throw notFound.apply(key);
            }
            if (version.applyAsLong(current) != readVersion) {
                throw new StaleUpdateException(what + " " + key);
            }
            previous.set(current);
            return atVersion.apply(version.applyAsLong(current) + 1);
        });
        return new Replaced<>(previous.get(), stored);
    }
}
