package net.defarm.domain.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Proof that {@code ownerId} submitted some bytes at {@code timestamp}: their BLAKE3 hash and size, and the
 * identifiers the submitter named them by. The bytes themselves are not part of a receipt; {@code cid} names them in
 * the content store when the submitter asked to keep them (null otherwise).
 */
public record Receipt(UUID id, String ownerId, String hash, Instant timestamp, long dataSize,
                      List<Identifier> identifiers, Cid cid) {

    public Receipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(timestamp, "timestamp");
        identifiers = List.copyOf(identifiers);
    }

    /** A new receipt for {@code data}; at least one identifier, none blank. */
    public static Receipt issue(UUID id, String ownerId, byte[] data, List<Identifier> identifiers, Instant at,
                                Cid cid) {
        if (identifiers == null || identifiers.isEmpty()) {
            throw new InvalidInputException("NO_IDENTIFIERS", "At least one identifier is required");
        }
        if (identifiers.stream().anyMatch(Identifier::isBlank)) {
            throw new InvalidInputException("INVALID_IDENTIFIER",
                    "Invalid identifier payload: key and value must not be blank");
        }
        return new Receipt(id, ownerId, Hashes.blake3Hex(data), at, data.length, identifiers, cid);
    }
}
