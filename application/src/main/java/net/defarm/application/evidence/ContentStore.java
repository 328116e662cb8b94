package net.defarm.application.evidence;

import java.util.Optional;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.evidence.Cid;

/**
 * Content-addressed blobs: bytes go in, their IPFS identifier ({@link Cid}, CIDv1 raw sha2-256) comes out, and the
 * same identifier gives the same bytes back. Every read checks the bytes against their identifier, so a blob changed
 * where it is kept (a database row, a file, a misbehaving node) is reported as {@link ContentIntegrityException} and
 * never returned. Blobs are single blocks of at most {@link Cid#MAX_BLOCK_BYTES}: the identifier is then the one
 * {@code ipfs add --cid-version=1 --raw-leaves} gives.
 *
 * <p>Adapters: process memory, a PostgreSQL table (both "local", following the storage mode), a directory on disk,
 * and a Kubo node over its HTTP RPC. A put is idempotent and may happen outside a transaction: content addressing
 * makes a blob left behind by a rolled-back change harmless (nothing names it).
 */
@OutboundPort
public interface ContentStore {

    /**
     * Stores {@code bytes} (pinned: kept until unpinned) and returns their identifier; storing the same bytes again
     * returns the same identifier. Refuses (400 {@code CONTENT_TOO_LARGE}) more than {@link Cid#MAX_BLOCK_BYTES}.
     */
    Cid put(byte[] bytes);

    /**
     * The bytes {@code cid} names, verified against it; empty when this store does not have them.
     *
     * @throws ContentIntegrityException when the stored bytes no longer hash to {@code cid}
     */
    Optional<byte[]> get(Cid cid);

    /** True when this store holds {@code cid}'s bytes (not verified; {@link #get} verifies). */
    boolean has(Cid cid);

    /** Keeps {@code cid}'s bytes from garbage collection; false when this store does not have them. */
    boolean pin(Cid cid);

    /** Where blobs go, for logs and health: {@code memory}, {@code postgres}, {@code disk}, {@code ipfs}. */
    String kind();
}
