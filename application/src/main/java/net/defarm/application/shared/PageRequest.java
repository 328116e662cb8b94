package net.defarm.application.shared;

import net.defarm.domain.shared.InvalidInputException;

/**
 * A bounded slice of a list: at most {@code limit} entries after the opaque {@code cursor} (null for the first page).
 * Limits above the maximum are lowered to it, so no list is ever unbounded.
 */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1) {
            throw new InvalidInputException("INVALID_LIMIT", "limit must be a positive integer (at most "
                    + MAX_LIMIT + ")");
        }
        limit = Math.min(limit, MAX_LIMIT);
        if (cursor != null && cursor.isBlank()) {
            cursor = null;
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    public static PageRequest firstPage() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }
}
