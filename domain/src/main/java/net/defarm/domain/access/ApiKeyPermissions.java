package net.defarm.domain.access;

import java.util.Map;

/**
 * What a key may do: {@code read} = GET and HEAD, {@code write} = the mutating verbs, {@code admin} = the
 * administration routes. {@code custom} flags are kept for clients and grant nothing here.
 */
public record ApiKeyPermissions(boolean read, boolean write, boolean admin, Map<String, Boolean> custom) {

    public ApiKeyPermissions {
        custom = custom == null ? Map.of() : Map.copyOf(custom);
    }

    /** The default of a new key: read only. */
    public static ApiKeyPermissions readOnly() {
        return new ApiKeyPermissions(true, false, false, Map.of());
    }

    /** Whether a request with this HTTP method on this path is within these permissions. */
    public boolean allows(String method, String path) {
        if (path.equals("/api/admin") || path.startsWith("/api/admin/")) {
            return admin;
        }
        return switch (method) {
            case "GET", "HEAD" -> read;
            case "OPTIONS" -> true;
            default -> write;
        };
    }
}
