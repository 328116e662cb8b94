package net.defarm.application.shared;

/** Bounds on request sizes that the use cases enforce, whatever the transport. */
public final class Limits {

    /** Items per batch create request. */
    public static final int MAX_BATCH_ITEMS = 1000;
    /** Identifiers on one item submission. */
    public static final int MAX_IDENTIFIERS = 200;
    /** Length of an identifier's namespace, key or value. */
    public static final int MAX_IDENTIFIER_PART = 512;
    /** Local items merged in one request. */
    public static final int MAX_MERGE_LIDS = 1000;
    /** Items inspected when resolving one identifier (entity resolution and conflict detection). */
    public static final int MAX_ITEMS_PER_IDENTIFIER = 100;

    private Limits() {
    }
}
