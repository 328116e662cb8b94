package net.defarm.adapters.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.function.Function;
import java.util.function.Predicate;

/** One page of a keyset-ordered index: the matching records after the cursor, in the index's order. */
final class KeysetPage {

    private KeysetPage() {
    }

    /**
     * @param keys    the index; null when nothing was ever indexed under it (an empty page)
     * @param after   the cursor, exclusive; null for the first page
     * @param record  the record a key stands for; null when it was removed since
     * @param matches which records the page keeps
     */
    static <K, V> List<V> of(NavigableSet<K> keys, K after, Function<K, V> record, Predicate<V> matches, int limit) {
        if (keys == null) {
            return List.of();
        }
        List<V> page = new ArrayList<>();
        for (K key : after == null ? keys : keys.tailSet(after, false)) {
            V value = record.apply(key);
            if (value != null && matches.test(value)) {
                page.add(value);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }
}
