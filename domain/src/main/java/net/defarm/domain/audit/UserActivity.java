package net.defarm.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonValue;

/**
 * An entry of a user's activity log, as their client reported it (the log is the user's own notebook; the audit
 * trail is the service's record). The user and the address come from the request, never from the body.
 */
public record UserActivity(UUID activityId, String userId, String workspaceId, Instant at, String activityType,
                           String category, String resourceType, String resourceId, String action,
                           String description, JsonValue metadata, boolean success, String ipAddress,
                           String userAgent) {

    public static final Set<String> CATEGORIES = Set.of("Authentication", "Items", "Circuits", "Events", "Admin",
            "ApiKeys", "Workspaces");
    public static final Set<String> TYPES = Set.of("Create", "Read", "Update", "Delete", "Login", "Logout",
            "Export", "Import", "Share", "Approve", "Reject");
    public static final Set<String> RESOURCE_TYPES = Set.of("Item", "Circuit", "Event", "ApiKey", "User",
            "Workspace", "Adapter");

    public UserActivity {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(userId, "userId");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        activityType = oneOf(TYPES, activityType, "activity_type");
        category = oneOf(CATEGORIES, category, "category");
        resourceType = oneOf(RESOURCE_TYPES, resourceType, "resource_type");
        metadata = metadata == null ? JsonNull.INSTANCE : metadata;
    }

    /** The name among {@code allowed} that {@code value} spells in any case; a 400 otherwise. */
    public static String oneOf(Set<String> allowed, String value, String field) {
        if (value != null) {
            for (String name : allowed) {
                if (name.equalsIgnoreCase(value)) {
                    return name;
                }
            }
        }
        throw new InvalidInputException("INVALID_" + field.toUpperCase(java.util.Locale.ROOT),
                field + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
}
