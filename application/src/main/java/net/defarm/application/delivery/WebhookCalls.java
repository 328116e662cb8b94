package net.defarm.application.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.defarm.domain.delivery.Webhook;
import net.defarm.domain.delivery.WebhookAuthType;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Builds the signed request for one message to one webhook (the dispatcher and the test button use the same), and
 * checks the headers and credentials a client configures, so nothing from a request reaches a header raw.
 */
final class WebhookCalls {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    /** Headers the signature, the transport or the authentication own; a client cannot set them. */
    private static final Set<String> RESERVED = Set.of("webhook-id", "webhook-timestamp", "webhook-signature",
            "content-type", "content-length", "host", "connection", "transfer-encoding", "expect", "upgrade",
            "authorization", "x-api-key", "te", "trailer", "keep-alive", "proxy-authorization", "user-agent");

    private final SecretBox secrets;
    private final WebhookSigner signer;

    WebhookCalls(DeliveryPorts ports) {
        this.secrets = ports.secrets();
        this.signer = ports.signer();
    }

    WebhookSender.Request request(Webhook webhook, String messageId, long timestampSeconds, String body) {
        Map<String, String> headers = new LinkedHashMap<>(webhook.headers());
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "defarm-webhooks/1");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestampSeconds));
        headers.put("webhook-signature", signer.sign(secrets.open(webhook.sealedSecret()), messageId,
                timestampSeconds, body));
        if (webhook.hasCredentials()) {
            authenticate(headers, webhook.authType(), secrets.open(webhook.sealedCredentials()));
        }
        return new WebhookSender.Request(webhook.url(), webhook.method().name(), headers, body);
    }

    private static void authenticate(Map<String, String> headers, WebhookAuthType type, String credentials) {
        switch (type) {
            case BEARER_TOKEN -> headers.put("Authorization", "Bearer " + credentials);
            case API_KEY -> headers.put("X-API-Key", credentials);
            case BASIC_AUTH -> headers.put("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            case CUSTOM_HEADER -> {
                int colon = credentials.indexOf(':');
                headers.put(credentials.substring(0, colon).strip(), credentials.substring(colon + 1).strip());
            }
            case NONE -> { }
        }
    }

    /** Custom headers: token names that the service does not own, printable values. */
    static Map<String, String> checkedHeaders(Map<String, String> headers) {
        if (headers == null) {
            return Map.of();
        }
        if (headers.size() > 20) {
            throw new InvalidInputException("INVALID_WEBHOOK_HEADERS", "At most 20 custom headers per webhook");
        }
        headers.forEach(WebhookCalls::checkHeader);
        return headers;
    }

    private static void checkHeader(String name, String value) {
        if (name == null || !TOKEN.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("INVALID_WEBHOOK_HEADERS", "Header name not allowed: "
                    + (name == null ? "null" : name.replaceAll("[^\\x20-\\x7e]", "?")));
        }
        if (value == null || !printable(value) || value.length() > 1024) {
            throw new InvalidInputException("INVALID_WEBHOOK_HEADERS", "Header " + name
                    + " must have a printable value of at most 1024 characters");
        }
    }

    /** Credentials must fit in a header; a custom header is given as {@code Name: value}. */
    static void checkCredentials(WebhookAuthType type, String credentials) {
        if (credentials == null) {
            return;
        }
        if (!printable(credentials) || credentials.length() > 4096) {
            throw new InvalidInputException("INVALID_AUTH_CREDENTIALS",
                    "auth_credentials must be printable text of at most 4096 characters");
        }
        if (type == WebhookAuthType.CUSTOM_HEADER) {
            int colon = credentials.indexOf(':');
            if (colon < 1) {
                throw new InvalidInputException("INVALID_AUTH_CREDENTIALS",
                        "auth_credentials for CustomHeader must be 'Header-Name: value'");
            }
            checkHeader(credentials.substring(0, colon).strip(), credentials.substring(colon + 1).strip());
        }
    }

    private static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
    }
}
