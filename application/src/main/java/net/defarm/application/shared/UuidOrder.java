package net.defarm.application.shared;

import java.util.UUID;

/**
 * UUIDs in unsigned byte order, which is how PostgreSQL sorts them. {@link UUID#compareTo} compares signed longs
 * and would put ids starting with 8-f first, so keyset pages would differ between stores.
 */
public final class UuidOrder {

    private UuidOrder() {
    }

    public static int compare(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
