package net.defarm.application.items;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemShare;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Sharing an item with one other user: only its owner shares and revokes, the recipient then reads the item (and
 * its events as their visibility allows) until the share is revoked. Who may ask about a share: the owner and the
 * recipient; a user's incoming shares: that user only (anyone else: 404, as for an unknown user). A caller who
 * cannot read the item gets the answer of an unknown item (404); one who reads it but does not own it gets 403.
 */
@UseCase
public final class ShareItems {

    /** A share with the item it grants, as the recipient sees it. */
    public record Received(ItemShare share, Item item) {
    }

    private final ItemAccess access;
    private final ItemRepository items;
    private final ItemShareRepository shares;
    private final UserAccountRepository users;
    private final UnitOfWork uow;
    private final Clock clock;

    public ShareItems(ItemAccess access, ItemRepository items, ItemShareRepository shares, UserAccountRepository users,
                      UnitOfWork uow, Clock clock) {
        this.access = access;
        this.items = items;
        this.shares = shares;
        this.users = users;
        this.uow = uow;
        this.clock = clock;
    }

    /** Shares the caller's item; sharing again with the same user answers the existing share unchanged. */
    public ItemShare share(Actor actor, String dfid, String recipientId, List<String> permissions) {
        if (recipientId == null || recipientId.isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", "recipient_user_id is required");
        }
        return uow.inTransaction(() -> {
            Item item = owned(actor, dfid);
            users.findById(recipientId).orElseThrow(() -> new NotFoundException("USER_NOT_FOUND",
                    "Recipient user not found"));
            Optional<ItemShare> existing = shares.find(item.dfid(), recipientId);
            if (existing.isPresent()) {
                return existing.get();
            }
            ItemShare share = ItemShare.grant(UUID.randomUUID(), item.dfid(), actor.userId(), recipientId,
                    permissions, clock.now());
            shares.insert(share);
            return share;
        });
    }

    /** Whether the item is shared with {@code userId}: asked by the item's owner or by that user. */
    public Optional<ItemShare> sharedWith(Actor actor, String dfid, String userId) {
        Item item = access.readable(actor, dfid);
        if (!actor.userId().equals(userId) && !ItemAccess.isOwner(actor, item)) {
            throw new PermissionDeniedException("NOT_ITEM_OWNER",
                    "Permission denied: only the item's owner or that user can ask");
        }
        return shares.find(item.dfid(), userId);
    }

    /** The shares made to the caller (only the caller may list them), each with the item it grants. */
    public Page<Received> sharedTo(Actor actor, String userId, PageRequest page) {
        if (!actor.userId().equals(userId)) {
            throw new NotFoundException("USER_NOT_FOUND", "User not found");
        }
        Instant afterAt = null;
        String afterId = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode("shares", page.cursor(), 2);
            afterAt = Cursor.instantFromMicros(parts.get(0));
            afterId = parts.get(1);
        }
        List<ItemShare> found = shares.findForRecipient(userId, afterAt, afterId, page.limit() + 1);
        Page<ItemShare> slice = Page.of(found, page.limit(),
                s -> Cursor.encode("shares", Cursor.micros(s.sharedAt()), s.shareId()));
        List<Received> received = new ArrayList<>();
        for (ItemShare s : slice.items()) {
            items.findByDfid(s.dfid()).ifPresent(item -> received.add(new Received(s, item)));
        }
        return new Page<>(received, slice.nextCursor());
    }

    /** Revokes a share of the caller's item: the recipient's next read of it is refused. */
    public void revoke(Actor actor, String dfid, String shareId) {
        uow.inTransaction(() -> {
            Item item = owned(actor, dfid);
            ItemShare share = shares.findById(shareId).filter(s -> s.dfid().equals(item.dfid()))
                    .orElseThrow(() -> new NotFoundException("SHARE_NOT_FOUND", "Share not found"));
            shares.delete(share.shareId());
        });
    }

    private Item owned(Actor actor, String dfid) {
        Item item = access.readable(actor, dfid);
        if (!ItemAccess.isOwner(actor, item)) {
            throw new PermissionDeniedException("NOT_ITEM_OWNER",
                    "Permission denied: only the item's owner can share it or revoke its shares");
        }
        return item;
    }
}
