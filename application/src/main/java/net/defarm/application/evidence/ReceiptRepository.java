package net.defarm.application.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.evidence.Receipt;

/** Stored receipts, listed per owner in creation order and searchable by their identifiers. */
@OutboundPort
public interface ReceiptRepository {

    /** Keyset position: a receipt's creation time and id. */
    record ReceiptKey(Instant timestamp, UUID id) {
    }

    void insert(Receipt receipt);

    Optional<Receipt> findById(UUID id);

    /** Up to {@code limit} of the owner's receipts matching {@code match}, after {@code after} (null: from the first). */
    List<Receipt> find(String ownerId, IdentifierMatch match, ReceiptKey after, int limit);
}
