package net.defarm.domain.items;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import net.defarm.domain.shared.InvalidInputException;

/**
 * An owner's grant of read access to one item for one other user. {@code permissions} are labels the owner
 * attaches (kept and shown as given, or null); the grant itself is always read-only.
 */
public record ItemShare(String shareId, String dfid, String sharedBy, String recipientId, List<String> permissions,
                        Instant sharedAt) {

    public static final int MAX_PERMISSIONS = 20;
    public static final int MAX_PERMISSION_LENGTH = 64;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    public ItemShare {
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(dfid, "dfid");
        Objects.requireNonNull(sharedBy, "sharedBy");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(sharedAt, "sharedAt");
        permissions = permissions == null ? null : List.copyOf(permissions);
    }

    /** A new share: id {@code SHARE-<yyyyMMddHHmmss>-<first 8 hex digits of random, upper case>}. */
    public static ItemShare grant(UUID random, String dfid, String owner, String recipient, List<String> permissions,
                                  Instant now) {
        if (owner.equals(recipient)) {
            throw new InvalidInputException("INVALID_RECIPIENT", "An item cannot be shared with its owner");
        }
        String id = "SHARE-" + STAMP.format(now) + "-" + random.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return new ItemShare(id, dfid, owner, recipient, checked(permissions), now);
    }

    private static List<String> checked(List<String> permissions) {
        if (permissions == null) {
            return null;
        }
        if (permissions.size() > MAX_PERMISSIONS) {
            throw new InvalidInputException("INVALID_FIELD", "permissions holds at most " + MAX_PERMISSIONS
                    + " entries");
        }
        for (String p : permissions) {
            if (p == null || p.isBlank() || p.length() > MAX_PERMISSION_LENGTH) {
                throw new InvalidInputException("INVALID_FIELD", "permissions entries must be non-empty texts of at "
                        + "most " + MAX_PERMISSION_LENGTH + " characters");
            }
        }
        return permissions.stream().map(String::strip).distinct().toList();
    }
}
