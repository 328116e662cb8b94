package net.defarm.domain.audit;

import java.util.HexFormat;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The hash chain of audit records. Each partition (day x shard) is a chain of its own: a record's link is
 * {@code SHA-256(previous link || digest)} over the raw bytes, the first record's previous link being 32 zero bytes.
 * SHA-256 because PostgreSQL computes it natively, so a store can extend a chain in the statement that inserts.
 */
public final class AuditChain {

    /** The link before the first record of a partition. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String next(String previousLink, String digest) {
        byte[] previous = HexFormat.of().parseHex(previousLink);
        byte[] record = HexFormat.of().parseHex(digest);
        byte[] both = new byte[previous.length + record.length];
        System.arraycopy(previous, 0, both, 0, previous.length);
        System.arraycopy(record, 0, both, previous.length, record.length);
        return DigestUtils.sha256Hex(both);
    }

    /** The shard of the chain a record goes to, by its chain key ({@link AuditEvent#chainKey()}). */
    public static int shard(String chainKey, int shards) {
        return chainKey == null ? 0 : Math.floorMod(chainKey.hashCode(), shards);
    }
}
