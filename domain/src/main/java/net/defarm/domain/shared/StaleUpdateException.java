package net.defarm.domain.shared;

/** An update was based on a version that is no longer current; nothing was written. */
public class StaleUpdateException extends ConflictException {

    public StaleUpdateException(String what) {
        super("CONCURRENT_MODIFICATION", what + " was changed by another request; reload it and try again");
    }
}
