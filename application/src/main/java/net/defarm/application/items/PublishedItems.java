package net.defarm.application.items;

/**
 * Whether an item is open to anonymous verification. The items context only asks; the circuits context decides
 * (an item is published by a publicly accessible circuit it was pushed into), so this is implemented there.
 */
@FunctionalInterface
public interface PublishedItems {

    boolean isPublished(String dfid);
}
