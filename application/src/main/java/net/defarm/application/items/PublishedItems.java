package net.defarm.application.items;

import net.defarm.domain.circuits.Circuit;

/**
 * Whether an item is open to anonymous verification. The items context only asks; the circuits context decides
 * (an item is published by a publicly accessible circuit its owner pushed it into), so this is implemented there.
 */
public interface PublishedItems {

    /** Published by some publicly accessible circuit. */
    boolean isPublished(String dfid);

    /** Listed by this circuit and pushed into it by the item's owner (whether the circuit is public is not asked). */
    boolean isPublishedIn(Circuit circuit, String dfid);
}
