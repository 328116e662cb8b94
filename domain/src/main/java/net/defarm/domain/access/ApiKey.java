package net.defarm.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A credential a user issues to a machine. Only the key's hash is held; {@code keyPrefix} (its first characters)
 * lets people tell their keys apart. {@code usageCount} and {@code lastUsedAt} are as last flushed.
 */
public record ApiKey(
        UUID id,
        String ownerId,
        String name,
        String keyPrefix,
        String keyHash,
        OrganizationType organizationType,
        String organizationId,
        ApiKeyPermissions permissions,
        List<String> allowedEndpoints,
        List<String> allowedIps,
        int rateLimitPerHour,
        String notes,
        boolean active,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        long usageCount) {

    /** Every key starts with this, so a key can be told from a JWT by its first characters. */
    public static final String PREFIX = "dfm_";
    /** Random characters after the prefix. */
    public static final int RANDOM_LENGTH = 32;
    /** Characters shown as {@link #keyPrefix()}. */
    public static final int DISPLAY_LENGTH = 8;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(organizationType, "organizationType");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(createdAt, "createdAt");
        allowedEndpoints = allowedEndpoints == null ? List.of() : List.copyOf(allowedEndpoints);
        allowedIps = allowedIps == null ? List.of() : List.copyOf(allowedIps);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** An empty list allows every path; otherwise the path must be an entry or lie under one. */
    public boolean allowsPath(String path) {
        return allowedEndpoints.isEmpty() || allowedEndpoints.stream().anyMatch(prefix -> path.equals(prefix)
                || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
    }

    /** An empty list allows every address. */
    public boolean allowsAddress(String address) {
        return allowedIps.isEmpty() || (address != null && allowedIps.contains(address));
    }

    public ApiKey with(String newName, ApiKeyPermissions newPermissions, boolean newActive, int newRateLimit,
                       String newNotes) {
        return new ApiKey(id, ownerId, newName, keyPrefix, keyHash, organizationType, organizationId, newPermissions,
                allowedEndpoints, allowedIps, newRateLimit, newNotes, newActive, createdAt, expiresAt, lastUsedAt,
                usageCount);
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + ", " + keyPrefix + ", owner=" + ownerId + "]";
    }
}
