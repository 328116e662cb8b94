package net.defarm.domain.delivery;

import java.util.Optional;
import net.defarm.domain.shared.WireNames;

/** What makes a circuit's webhooks fire. Requests name them in snake_case; responses use the variant name. */
public enum TriggerEvent {
    ITEM_PUSHED("item_pushed", "ItemPushed"),
    ITEM_APPROVED("item_approved", "ItemApproved"),
    ITEM_TOKENIZED("item_tokenized", "ItemTokenized"),
    ITEM_PUBLISHED("item_published", "ItemPublished");

    private final String wireName;
    private final String variantName;

    TriggerEvent(String wireName, String variantName) {
        this.wireName = wireName;
        this.variantName = variantName;
    }

    public String wireName() {
        return wireName;
    }

    public String variantName() {
        return variantName;
    }

    /** {@code item_pushed} or {@code ItemPushed}, case-insensitive; anything else is empty (and dropped). */
    public static Optional<TriggerEvent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        return WireNames.findIgnoringCase(values(), TriggerEvent::wireName, v)
                .or(() -> WireNames.findIgnoringCase(values(), TriggerEvent::variantName, v));
    }
}
