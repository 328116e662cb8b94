package net.defarm.domain.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import net.defarm.domain.shared.InvalidInputException;
import org.apache.commons.codec.binary.Base32;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * An IPFS content identifier of one raw block: CIDv1, codec {@code raw} (0x55), multihash sha2-256 (0x12, length
 * 0x20), written in multibase base32 lower case (prefix {@code b}). These are the identifiers Kubo gives a file of at
 * most one chunk (256 KiB) added with {@code --cid-version=1 --raw-leaves}; a larger file is chunked into a DAG with
 * another root, which is why the content store keeps single blocks only ({@link #MAX_BLOCK_BYTES}).
 */
public record Cid(String value) {

    /** Kubo's default chunk size: up to this many bytes a raw-leaves add yields exactly this raw-block CID. */
    public static final int MAX_BLOCK_BYTES = 256 * 1024;

    private static final byte[] PREFIX = {0x01, 0x55, 0x12, 0x20};
    private static final int BINARY_LENGTH = PREFIX.length + 32;
    /** 'b' followed by the unpadded base32 of 36 bytes. */
    private static final int TEXT_LENGTH = 1 + 58;

    public Cid {
        Objects.requireNonNull(value, "value");
    }

    /** The identifier of {@code bytes} as one raw block. */
    public static Cid of(byte[] bytes) {
        byte[] binary = Arrays.copyOf(PREFIX, BINARY_LENGTH);
        System.arraycopy(DigestUtils.sha256(bytes), 0, binary, PREFIX.length, 32);
        return new Cid("b" + new Base32().encodeAsString(binary).replace("=", "").toLowerCase(Locale.ROOT));
    }

    /**
     * Reads a CID given by a client or another system; refuses (400 {@code INVALID_CID}) anything that is not a
     * CIDv1 raw sha2-256 block in base32, the only kind this service stores.
     */
    public static Cid parse(String text) {
        if (text == null || text.length() != TEXT_LENGTH || text.charAt(0) != 'b'
                || !text.substring(1).chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
            throw invalid(text);
        }
        byte[] binary = new Base32().decode(text.substring(1).toUpperCase(Locale.ROOT));
        if (binary.length != BINARY_LENGTH || !Arrays.equals(Arrays.copyOf(binary, PREFIX.length), PREFIX)) {
            throw invalid(text);
        }
        Cid cid = new Cid(text);
        // Base32 of 36 bytes leaves 2 spare bits: only the canonical spelling (zero bits) is the same identifier.
        if (!new Cid("b" + new Base32().encodeAsString(binary).replace("=", "").toLowerCase(Locale.ROOT))
                .equals(cid)) {
            throw invalid(text);
        }
        return cid;
    }

    /** Refuses (400 {@code CONTENT_TOO_LARGE}) content that does not fit in one block. */
    public static void requireOneBlock(byte[] bytes) {
        if (bytes.length > MAX_BLOCK_BYTES) {
            throw new InvalidInputException("CONTENT_TOO_LARGE", "Content over " + MAX_BLOCK_BYTES
                    + " bytes (256 KiB) cannot be stored as one block");
        }
    }

    /** True when {@code bytes} are exactly the content this identifier names. */
    public boolean matches(byte[] bytes) {
        return of(bytes).equals(this);
    }

    private static InvalidInputException invalid(String text) {
        return new InvalidInputException("INVALID_CID", "Invalid CID: expected a CIDv1 raw sha2-256 identifier in "
                + "base32 (bafkrei...)");
    }

    @Override
    public String toString() {
        return value;
    }
}
