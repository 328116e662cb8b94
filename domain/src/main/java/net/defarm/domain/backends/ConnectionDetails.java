package net.defarm.domain.backends;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.defarm.domain.shared.InvalidInputException;

/**
 * How the service reaches an adapter's backend. The secrets ({@code api_key}, {@code secret_key} and every custom
 * header value) are held here only in sealed (encrypted) form: this record never sees them in plain text.
 */
public record ConnectionDetails(String endpoint, String authType, int timeoutMs, int retryAttempts,
                                int maxConcurrentRequests, String sealedApiKey, String sealedSecretKey,
                                Map<String, String> sealedHeaders) {

    public static final List<String> AUTH_TYPES = List.of("None", "ApiKey", "Bearer", "BasicAuth", "OAuth2",
            "Custom");
    public static final int MAX_ENDPOINT = 2048;
    public static final int MAX_HEADERS = 32;

    public ConnectionDetails {
        sealedHeaders = sealedHeaders == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new TreeMap<>(sealedHeaders));
    }

    /** Checks the rules a configuration must meet (the URL's syntax is checked where URLs are parsed). */
    public ConnectionDetails validated() {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT) {
            throw new InvalidInputException("INVALID_ENDPOINT", "endpoint must be a URL of at most " + MAX_ENDPOINT
                    + " characters");
        }
        if (!AUTH_TYPES.contains(authType)) {
            throw new InvalidInputException("INVALID_FIELD", "auth_type must be one of " + AUTH_TYPES);
        }
        if (timeoutMs < 1 || timeoutMs > 600_000) {
            throw new InvalidInputException("INVALID_FIELD", "timeout_ms must be between 1 and 600000");
        }
        if (retryAttempts < 0 || retryAttempts > 10) {
            throw new InvalidInputException("INVALID_FIELD", "retry_attempts must be between 0 and 10");
        }
        if (maxConcurrentRequests < 1 || maxConcurrentRequests > 1000) {
            throw new InvalidInputException("INVALID_FIELD", "max_concurrent_requests must be between 1 and 1000");
        }
        if ((authType.equals("ApiKey") || authType.equals("Bearer") || authType.equals("BasicAuth"))
                && sealedApiKey == null) {
            throw new InvalidInputException("MISSING_FIELD", "auth_type " + authType + " needs an api_key");
        }
        if (authType.equals("BasicAuth") && sealedSecretKey == null) {
            throw new InvalidInputException("MISSING_FIELD", "auth_type BasicAuth needs a secret_key");
        }
        if (sealedHeaders.size() > MAX_HEADERS) {
            throw new InvalidInputException("INVALID_FIELD", "custom_headers holds at most " + MAX_HEADERS
                    + " headers");
        }
        for (String name : sealedHeaders.keySet()) {
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}")) {
                throw new InvalidInputException("INVALID_FIELD", "custom_headers names must be HTTP header names");
            }
        }
        return this;
    }
}
