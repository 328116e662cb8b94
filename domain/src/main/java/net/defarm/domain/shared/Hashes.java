package net.defarm.domain.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;
import org.apache.commons.codec.digest.DigestUtils;

/** BLAKE3-256 as lowercase hex, the hash of every integrity rule in the domain (and SHA-256 where a standard asks). */
public final class Hashes {

    private Hashes() {
    }

    public static String blake3Hex(byte[] data) {
        return Hex.encodeHexString(Blake3.hash(data));
    }

    /** SHA-256 of the UTF-8 text as lowercase hex: only where a standard names it (the EPCIS event hash). */
    public static String sha256Hex(String utf8) {
        return DigestUtils.sha256Hex(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public static String blake3Hex(String utf8) {
        return blake3Hex(utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** BLAKE3 over the concatenation of the parts, without building the concatenation. */
    public static String blake3Hex(List<byte[]> parts) {
        Blake3 hasher = Blake3.initHash();
        parts.forEach(hasher::update);
        byte[] out = new byte[32];
        hasher.doFinalize(out);
        return Hex.encodeHexString(out);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The 8 bytes of {@code value}, least significant first. */
    public static byte[] littleEndian(long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return b;
    }

    /** The 8 bytes of {@code value}, most significant first. */
    public static byte[] bigEndian(long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[7 - i] = (byte) (value >>> (8 * i));
        }
        return b;
    }
}
