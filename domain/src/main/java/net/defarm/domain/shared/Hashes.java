package net.defarm.domain.shared;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;

/** BLAKE3-256 as lowercase hex, the hash of every integrity rule in the domain. */
public final class Hashes {

    private Hashes() {
    }

    public static String blake3Hex(byte[] data) {
        return Hex.encodeHexString(Blake3.hash(data));
    }

    public static String blake3Hex(String utf8) {
        return blake3Hex(utf8.getBytes(StandardCharsets.UTF_8));
    }
}
