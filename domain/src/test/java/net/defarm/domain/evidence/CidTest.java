package net.defarm.domain.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.defarm.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * CIDs as Kubo computes them for {@code ipfs add --cid-version=1 --raw-leaves}. The expected values are the widely
 * published ones for the empty file, "hello world" and "hello world\n" (what {@code echo "hello world" | ipfs add
 * --cid-version=1 --raw-leaves} prints), and each is also derived here by hand: SHA-256 from the JDK, the CID
 * prefix bytes, and an RFC 4648 base32 encoder written in this test, independent of the production code.
 */
class CidTest {

    private static final String EMPTY = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
    private static final String HELLO_WORLD = "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e";
    private static final String HELLO_WORLD_NEWLINE = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

    @Test
    void publishedVectors() {
        assertEquals(EMPTY, Cid.of(new byte[0]).value());
        assertEquals(HELLO_WORLD, Cid.of(utf8("hello world")).value());
        assertEquals(HELLO_WORLD_NEWLINE, Cid.of(utf8("hello world\n")).value());
    }

    @Test
    void theVectorsAgreeWithAHandComputation() {
        for (String text : new String[] {"", "hello world", "hello world\n", "peso 450 kg"}) {
            assertEquals(byHand(utf8(text)), Cid.of(utf8(text)).value(), text);
        }
        assertEquals(EMPTY, byHand(new byte[0]));
        assertEquals(HELLO_WORLD, byHand(utf8("hello world")));
    }

    @Test
    void parsingAcceptsOnlyCanonicalRawSha256CidsV1() {
        assertEquals(HELLO_WORLD, Cid.parse(HELLO_WORLD).value());
        // CIDv0 (base58 "Qm..."), upper case, another codec (dag-pb "bafybei..."), wrong length, garbage.
        for (String bad : new String[] {"QmWATWQ7fVPP2EFGu71UkfnqhYXDYH566qy47CnJDgvs8u", HELLO_WORLD.toUpperCase(),
                "bafybeifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", HELLO_WORLD + "a", "b", "", "x"}) {
            assertThrows(InvalidInputException.class, () -> Cid.parse(bad), bad);
        }
        // The last character carries two spare bits: a non-zero spelling names nothing.
        String last = HELLO_WORLD.substring(HELLO_WORLD.length() - 1);
        String spare = HELLO_WORLD.substring(0, HELLO_WORLD.length() - 1) + (last.equals("e") ? "f" : "e");
        assertThrows(InvalidInputException.class, () -> Cid.parse(spare));
    }

    @Test
    void matchesOnlyTheBytesItNames() {
        Cid cid = Cid.of(utf8("hello world"));
        assertTrue(cid.matches(utf8("hello world")));
        assertFalse(cid.matches(utf8("hello world!")));
    }

    @Test
    void oneBlockIsTheLimit() {
        Cid.requireOneBlock(new byte[Cid.MAX_BLOCK_BYTES]);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Cid.requireOneBlock(new byte[Cid.MAX_BLOCK_BYTES + 1]));
        assertEquals("CONTENT_TOO_LARGE", e.code());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** 0x01 (CIDv1), 0x55 (raw), 0x12 0x20 (sha2-256, 32 bytes), digest; "b" + lower-case unpadded base32. */
    static String byHand(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            byte[] cid = new byte[36];
            cid[0] = 0x01;
            cid[1] = 0x55;
            cid[2] = 0x12;
            cid[3] = 0x20;
            System.arraycopy(digest, 0, cid, 4, 32);
            return "b" + base32(cid);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String base32(byte[] bytes) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
