package net.defarm.application.evidence;

import net.defarm.domain.evidence.Cid;

/**
 * Bytes read for a CID do not hash to it: the copy in the content store was altered or the remote node answered
 * with other content. Never an input error; the bytes are withheld.
 */
public class ContentIntegrityException extends RuntimeException {

    private final Cid expected;

    public ContentIntegrityException(Cid expected, String where) {
        super("content read for " + expected + " from " + where + " does not match its CID (it was altered)");
        this.expected = expected;
    }

    public Cid expected() {
        return expected;
    }
}
