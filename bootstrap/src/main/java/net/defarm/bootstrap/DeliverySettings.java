package net.defarm.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import net.defarm.application.delivery.DeliveryPolicy;

/**
 * Webhook delivery: the key that seals webhook secrets, the dispatcher inside the service, retries, timeouts and
 * the hosts exempt from the SSRF guard. {@code keySource} says where the key came from ({@code configured},
 * {@code generated} in memory mode, {@code derived} from the JWT secret when none is configured).
 */
public record DeliverySettings(String secretKey, String keySource, boolean dispatcherEnabled, Duration pollInterval,
                               DeliveryPolicy policy, Duration connectTimeout, Duration readTimeout,
                               Set<String> allowedHosts) {

    public DeliverySettings {
        allowedHosts = Set.copyOf(allowedHosts);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("delivery.connect-timeout-ms and delivery.read-timeout-ms must be "
                    + "positive");
        }
        // A send waits at most connect + twice the read timeout; a shorter lease would let another dispatcher
        // take the message over while it is still being sent.
        if (policy.lease().compareTo(connectTimeout.plus(readTimeout.multipliedBy(2))) <= 0) {
            throw new IllegalArgumentException("delivery.lease-seconds (DELIVERY_LEASE_SECONDS) must exceed the "
                    + "connect timeout plus twice the read timeout");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("delivery.poll-interval-ms (DELIVERY_POLL_INTERVAL_MS) must be "
                    + "positive");
        }
    }

    /** The configured key, or one generated for this process (memory mode) or derived from the JWT secret. */
    static String[] key(String configured, boolean memoryMode, String jwtSecret) {
        if (configured != null) {
            if (configured.length() < 32) {
                throw new IllegalArgumentException("WEBHOOK_SECRET_KEY (delivery.secret-key) must be at least 32 "
                        + "characters");
            }
            return new String[] {configured, "configured"};
        }
        if (memoryMode) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new String[] {Base64.getEncoder().encodeToString(random), "generated"};
        }
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("defarm webhook secrets|" + jwtSecret).getBytes(StandardCharsets.UTF_8));
            return new String[] {HexFormat.of().formatHex(derived), "derived"};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public DeliverySettings withPolicy(DeliveryPolicy newPolicy) {
        return new DeliverySettings(secretKey, keySource, dispatcherEnabled, pollInterval, newPolicy, connectTimeout,
                readTimeout, allowedHosts);
    }

    public DeliverySettings withDispatcher(boolean enabled, Duration interval) {
        return new DeliverySettings(secretKey, keySource, enabled, interval, policy, connectTimeout, readTimeout,
                allowedHosts);
    }

    public DeliverySettings withAllowedHosts(Set<String> hosts) {
        return new DeliverySettings(secretKey, keySource, dispatcherEnabled, pollInterval, policy, connectTimeout,
                readTimeout, hosts);
    }

    /** Defaults for a given key: what application.yaml holds. */
    public static DeliverySettings defaults(String secretKey) {
        return new DeliverySettings(secretKey, "configured", true, Duration.ofSeconds(1), DeliveryPolicy.defaults(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Set.of());
    }

    @Override
    public String toString() {
        return "DeliverySettings[key=" + keySource + ", dispatcher=" + dispatcherEnabled + ", poll=" + pollInterval
                + ", " + policy + ", allowed=" + allowedHosts + "]";
    }
}
