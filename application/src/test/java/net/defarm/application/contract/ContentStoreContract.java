package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.defarm.application.evidence.ContentStore;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every content store: bytes in, their CIDv1 out (the published value for "hello world"), the same bytes back,
 * idempotent puts, unknown CIDs absent, one block at most. How a store detects altered bytes depends on where it
 * keeps them; each adapter's own test alters them there.
 */
public abstract class ContentStoreContract {

    protected abstract ContentStore newContentStore();

    protected ContentStore contents;

    @BeforeEach
    void openContentStore() {
        contents = newContentStore();
    }

    @Test
    void bytesComeBackUnderTheirPublishedCid() {
        byte[] hello = "hello world".getBytes(StandardCharsets.UTF_8);
        Cid cid = contents.put(hello);
        assertEquals("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", cid.value());
        assertArrayEquals(hello, contents.get(cid).orElseThrow());
        assertTrue(contents.has(cid));
        assertTrue(contents.pin(cid));
    }

    @Test
    void aSecondPutOfTheSameBytesIsTheSameBlob() {
        byte[] data = new byte[Cid.MAX_BLOCK_BYTES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        assertEquals(contents.put(data), contents.put(data.clone()));
        assertArrayEquals(data, contents.get(Cid.of(data)).orElseThrow());
        Cid empty = contents.put(new byte[0]);
        assertArrayEquals(new byte[0], contents.get(empty).orElseThrow());
    }

    @Test
    void anUnknownCidIsAbsent() {
        Cid unknown = Cid.of("never stored".getBytes(StandardCharsets.UTF_8));
        assertTrue(contents.get(unknown).isEmpty());
        assertFalse(contents.has(unknown));
        assertFalse(contents.pin(unknown));
    }

    @Test
    void moreThanOneBlockIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> contents.put(new byte[Cid.MAX_BLOCK_BYTES + 1]));
        assertEquals("CONTENT_TOO_LARGE", e.code());
    }
}
