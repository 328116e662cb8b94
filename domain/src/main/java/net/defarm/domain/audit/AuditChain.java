package net.defarm.domain.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        MessageDigest sha = sha256();
        sha.update(HexFormat.of().parseHex(previousLink));
        sha.update(HexFormat.of().parseHex(digest));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The shard of a chain a record goes to: by actor, so one request's records stay in one chain. */
    public static int shard(String actor, int shards) {
        return actor == null ? 0 : Math.floorMod(actor.hashCode(), shards);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
