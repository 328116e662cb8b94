package net.defarm.domain.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import net.defarm.domain.shared.CanonicalJson;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonNumber;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.JsonValue;

/**
 * One entry of an append-only anchoring log: "this CID was anchored on {@code network} at {@code recordedAt}
 * (for this item, in this circuit)". Entries of a network form a hash chain: {@link #entryHash} is BLAKE3 over the
 * canonical JSON of every other field, {@link #previousHash} included, so changing any stored entry breaks its own
 * hash and removing or reordering one breaks the next entry's link. The entry hash is what a client sees as the
 * transaction hash. Sequences start at 1; the first entry's previous hash is {@link #GENESIS}.
 */
public record LedgerEntry(String network, long sequence, Cid anchoredCid, String dfid, String circuitId,
                          Instant recordedAt, String previousHash, String entryHash) {

    /** The previous hash of a network's first entry. */
    public static final String GENESIS = "0".repeat(64);

    public LedgerEntry {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(anchoredCid, "anchoredCid");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(entryHash, "entryHash");
    }

    /**
     * The entry that follows {@code head} (null: the network's first), its hash computed; the time is kept to the
     * microsecond, what every store holds.
     */
    public static LedgerEntry next(LedgerHead head, String network, Cid cid, String dfid, String circuitId,
                                   Instant recordedAt) {
        if (head != null && !head.network().equals(network)) {
            throw new IllegalArgumentException("head of " + head.network() + " cannot chain an entry of " + network);
        }
        long sequence = head == null ? 1 : head.sequence() + 1;
        Instant at = recordedAt.truncatedTo(ChronoUnit.MICROS);
        String previous = head == null ? GENESIS : head.entryHash();
        return new LedgerEntry(network, sequence, cid, dfid, circuitId, at, previous,
                hashOf(network, sequence, cid, dfid, circuitId, at, previous));
    }

    /** BLAKE3 (hex) of the canonical JSON of the entry's content; the time counts in microseconds since the epoch. */
    public static String hashOf(String network, long sequence, Cid cid, String dfid, String circuitId,
                                Instant recordedAt, String previousHash) {
        Map<String, JsonValue> content = new LinkedHashMap<>();
        content.put("anchored_cid", new JsonString(cid.value()));
        content.put("circuit_id", circuitId == null ? JsonNull.INSTANCE : new JsonString(circuitId));
        content.put("dfid", dfid == null ? JsonNull.INSTANCE : new JsonString(dfid));
        content.put("network", new JsonString(network));
        content.put("previous_hash", new JsonString(previousHash));
        content.put("recorded_at_micros", JsonNumber.of(recordedAt.getEpochSecond() * 1_000_000L
                + recordedAt.getNano() / 1_000));
        content.put("sequence", JsonNumber.of(sequence));
        return Hashes.blake3Hex(CanonicalJson.write(JsonObject.of(content)));
    }

    /** The hash this entry's content yields now; differs from {@link #entryHash} when a stored field was changed. */
    public String recomputedHash() {
        return hashOf(network, sequence, anchoredCid, dfid, circuitId, recordedAt, previousHash);
    }

    public LedgerHead head() {
        return new LedgerHead(network, sequence, entryHash);
    }
}
