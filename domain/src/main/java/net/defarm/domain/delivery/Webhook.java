package net.defarm.domain.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A receiver of a circuit's post-actions. Its signing secret and its credentials are held sealed (encrypted by the
 * application's key); this record never carries them in clear.
 */
public record Webhook(UUID id, UUID circuitId, String name, String url, WebhookMethod method,
                      Map<String, String> headers, WebhookAuthType authType, String sealedCredentials,
                      String sealedSecret, boolean enabled, Instant createdAt, Instant updatedAt) {

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(circuitId, "circuitId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public boolean hasCredentials() {
        return sealedCredentials != null;
    }

    public Webhook changed(String newName, String newUrl, Boolean newEnabled, Instant now) {
        return new Webhook(id, circuitId, newName == null ? name : newName, newUrl == null ? url : newUrl, method,
                headers, authType, sealedCredentials, sealedSecret, newEnabled == null ? enabled : newEnabled,
                createdAt, now);
    }

    @Override
    public String toString() {
        return "Webhook[" + id + ", " + name + "]";
    }
}
