package net.defarm.application.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import net.defarm.application.items.ItemInputs;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.evidence.Receipt;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;

/**
 * Receipts: proof that the caller submitted some bytes, verifiable later with the same bytes. A receipt belongs to
 * its submitter; nobody else can read, verify or find it (another user's receipt answers like an unknown one).
 */
@UseCase
public final class Receipts {

    private static final String CURSOR = "receipts";

    /**
     * Submitted bytes and what names them (bounded as an item's identifiers are); {@code keep} also stores the
     * bytes in the content store.
     */
    public record Submit(byte[] data, List<Identifier> identifiers, boolean keep) {
        public Submit {
            identifiers = ItemInputs.bounded(identifiers);
        }
    }

    /** The outcome of comparing bytes with a receipt. */
    public record Verification(boolean valid, UUID receiptId, String originalHash, String providedHash,
                               Instant timestamp) {
    }

    private final ReceiptRepository receipts;
    private final ContentStore contents;
    private final UnitOfWork uow;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public Receipts(ReceiptRepository receipts, ContentStore contents, UnitOfWork uow, Clock clock) {
        this(receipts, contents, uow, clock, UUID::randomUUID);
    }

    Receipts(ReceiptRepository receipts, ContentStore contents, UnitOfWork uow, Clock clock, Supplier<UUID> ids) {
        this.receipts = receipts;
        this.contents = contents;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    public Receipt submit(Actor actor, Submit submit) {
        // Validate before storing any bytes; the put is idempotent and may run outside the transaction (a remote
        // node cannot join it): a blob left by a failed insert is named by nothing.
        Receipt draft = Receipt.issue(ids.get(), actor.userId(), submit.data(), submit.identifiers(), clock.now(),
                null);
        Cid cid = submit.keep() ? contents.put(submit.data()) : null;
        Receipt receipt = new Receipt(draft.id(), draft.ownerId(), draft.hash(), draft.timestamp(), draft.dataSize(),
                draft.identifiers(), cid);
        uow.inTransaction(() -> receipts.insert(receipt));
        return receipt;
    }

    public Receipt get(Actor actor, UUID id) {
        return receipts.findById(id).filter(r -> r.ownerId().equals(actor.userId()))
                .orElseThrow(() -> new NotFoundException("RECEIPT_NOT_FOUND", "Receipt not found"));
    }

    public Verification verify(Actor actor, UUID id, byte[] data) {
        Receipt receipt = get(actor, id);
        String provided = Hashes.blake3Hex(data);
        return new Verification(provided.equals(receipt.hash()), id, receipt.hash(), provided, clock.now());
    }

    /** The caller's receipts with an identifier matching {@code match}, in creation order. */
    public Page<Receipt> find(Actor actor, IdentifierMatch match, PageRequest page) {
        ReceiptRepository.ReceiptKey after = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            try {
                after = new ReceiptRepository.ReceiptKey(Cursor.instantFromMicros(parts.get(0)),
                        UUID.fromString(parts.get(1)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
            }
        }
        return Page.of(receipts.find(actor.userId(), match, after, page.limit() + 1), page.limit(),
                r -> Cursor.encode(CURSOR, Cursor.micros(r.timestamp()), r.id().toString()));
    }
}
