package net.defarm.application.items;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.items.ItemShare;

/**
 * Direct shares of items with users. Never cached: a revocation must be seen by the next read on every instance.
 */
@OutboundPort
public interface ItemShareRepository {

    /** Stores a share; a second share of the same item with the same user is a ConflictException. */
    void insert(ItemShare share);

    Optional<ItemShare> findById(String shareId);

    /** The share of this item with this user, if any (one indexed lookup, made on item reads). */
    Optional<ItemShare> find(String dfid, String recipientId);

    /**
     * Shares made to the recipient, oldest first, after ({@code afterAt}, {@code afterId}) when both are given, at
     * most {@code limit}.
     */
    List<ItemShare> findForRecipient(String recipientId, Instant afterAt, String afterId, int limit);

    /** False when there was no such share. */
    boolean delete(String shareId);
}
