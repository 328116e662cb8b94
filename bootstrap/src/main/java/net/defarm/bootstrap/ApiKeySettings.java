package net.defarm.bootstrap;

import java.time.Duration;
import java.util.List;

/**
 * API keys: the hourly limit of a key created without one, how often each instance writes the usage it counted,
 * and the proxies whose {@code X-Forwarded-For} header names the client (keys restricted to addresses).
 */
public record ApiKeySettings(int defaultRateLimitPerHour, Duration usageFlushInterval, List<String> trustedProxies) {

    public static final ApiKeySettings DEFAULTS = new ApiKeySettings(100, Duration.ofSeconds(10), List.of());

    public ApiKeySettings {
        if (defaultRateLimitPerHour < 0) {
            throw new IllegalArgumentException("api-keys.default-rate-limit-per-hour "
                    + "(API_KEY_DEFAULT_RATE_LIMIT_PER_HOUR) must not be negative");
        }
        if (usageFlushInterval.isNegative() || usageFlushInterval.isZero()) {
            throw new IllegalArgumentException("api-keys.usage-flush-interval-ms (API_KEY_USAGE_FLUSH_INTERVAL_MS) "
                    + "must be positive");
        }
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** A comma-separated list of IP literals (blank: none). */
    static List<String> proxies(String csv) {
        return csv == null ? List.of() : java.util.Arrays.stream(csv.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
