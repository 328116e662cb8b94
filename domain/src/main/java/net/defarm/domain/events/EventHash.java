package net.defarm.domain.events;

import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.JsonObject;

/**
 * The deduplication hash: BLAKE3 of dfid + type name + source + canonical metadata, concatenated without separators.
 * The timestamp is deliberately left out, so the same fact recorded twice by the same user is one event.
 */
public final class EventHash {

    private EventHash() {
    }

    public static String of(String dfid, EventType type, String source, JsonObject metadata) {
        return Hashes.blake3Hex(dfid + type.wireName() + source + metadata.toCanonicalJson());
    }
}
