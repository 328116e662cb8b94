package net.defarm.domain.items;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import net.defarm.domain.shared.JsonValue;

/**
 * Local items that share their first canonical identifier: probably the same thing registered twice.
 * Items are kept oldest first; the oldest is the suggested master.
 */
public record DuplicateGroup(String identifierKey, String identifierValue, List<Item> items) {

    private static final Comparator<Item> OLDEST_FIRST =
            Comparator.comparing(Item::createdAt).thenComparing(Item::dfid);

    public DuplicateGroup {
        items = items.stream().sorted(OLDEST_FIRST).toList();
    }

    public Item suggestedMaster() {
        return items.getFirst();
    }

    /** Attribute names whose values differ between the items of the group. */
    public Set<String> conflictingFields() {
        Set<String> keys = new TreeSet<>();
        items.forEach(i -> keys.addAll(i.enrichedData().keys()));
        Set<String> conflicts = new TreeSet<>();
        for (String key : keys) {
            JsonValue first = items.getFirst().enrichedData().get(key).orElse(null);
            if (items.stream().anyMatch(i -> !Objects.equals(i.enrichedData().get(key).orElse(null), first))) {
                conflicts.add(key);
            }
        }
        return conflicts;
    }

    /** The first canonical identifier of an item, which is what groups local duplicates. */
    public static java.util.Optional<Identifier> groupingIdentifier(Item item) {
        return item.identifiers().stream().filter(Identifier::isCanonical).findFirst();
    }
}
