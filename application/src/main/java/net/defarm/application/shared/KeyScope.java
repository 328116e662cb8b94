package net.defarm.application.shared;

import java.util.UUID;
import net.defarm.domain.access.ApiKeyPermissions;

/**
 * What a request authenticated by an API key carries besides its owner: the key, its permissions (already
 * checked against this request) and the rate-limit window it was counted in, for the response headers.
 */
public record KeyScope(UUID keyId, ApiKeyPermissions permissions, int limit, int remaining, long resetEpochSecond) {
}
