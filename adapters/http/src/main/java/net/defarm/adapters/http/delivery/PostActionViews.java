package net.defarm.adapters.http.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.defarm.application.delivery.DeliveryPolicy;
import net.defarm.application.delivery.ManagePostActions;
import net.defarm.domain.delivery.DeliveryAttempt;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.delivery.OutboxStatus;
import net.defarm.domain.delivery.PostActionSettings;
import net.defarm.domain.delivery.TriggerEvent;
import net.defarm.domain.delivery.Webhook;

/** Response shapes of the post-action routes, with the original's field names. Credentials are never shown. */
final class PostActionViews {

    private PostActionViews() {
    }

    record RetryConfig(int maxRetries, long initialDelayMs, long maxDelayMs, double backoffMultiplier) {
        static RetryConfig of(DeliveryPolicy p) {
            return new RetryConfig(p.maxRetries(), p.initialDelay().toMillis(), p.maxDelay().toMillis(),
                    p.multiplier());
        }
    }

    /** A webhook as clients see it: {@code has_auth_credentials} instead of the credentials themselves. */
    record WebhookView(String id, String name, String url, String method, Map<String, String> headers,
                       String authType, boolean hasAuthCredentials, boolean enabled, RetryConfig retryConfig,
                       String createdAt, String updatedAt) {
        static WebhookView of(Webhook w, DeliveryPolicy policy) {
            return new WebhookView(w.id().toString(), w.name(), w.url(), w.method().variantName(),
                    new TreeMap<>(w.headers()),
                    w.authType().wireName(), w.hasCredentials(), w.enabled(), RetryConfig.of(policy),
                    time(w.createdAt()), time(w.updatedAt()));
        }
    }

    /** A new webhook: the same, plus its signing secret, shown this once. */
    record CreatedView(String id, String name, String url, String method, Map<String, String> headers,
                       String authType, boolean hasAuthCredentials, boolean enabled, RetryConfig retryConfig,
                       String createdAt, String updatedAt, String signingSecret) {
        static CreatedView of(ManagePostActions.Created c, DeliveryPolicy policy) {
            WebhookView v = WebhookView.of(c.webhook(), policy);
            return new CreatedView(v.id(), v.name(), v.url(), v.method(), v.headers(), v.authType(),
                    v.hasAuthCredentials(), v.enabled(), v.retryConfig(), v.createdAt(), v.updatedAt(),
                    c.signingSecret());
        }
    }

    record SettingsView(boolean enabled, List<WebhookView> webhooks, List<String> triggerEvents,
                        boolean includeStorageDetails, boolean includeItemMetadata) {
        static SettingsView of(ManagePostActions.Configuration c, DeliveryPolicy policy) {
            PostActionSettings s = c.settings();
            return new SettingsView(s.enabled(), c.webhooks().stream().map(w -> WebhookView.of(w, policy)).toList(),
                    s.triggers().stream().sorted().map(TriggerEvent::variantName).toList(),
                    s.includeStorageDetails(), s.includeItemMetadata());
        }
    }

    record AttemptView(int attempt, String attemptedAt, Integer statusCode, String error, long durationMs) {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.number(), time(a.at()), a.statusCode(), a.error(), a.durationMillis());
        }
    }

    record DeliveryView(String id, String webhookId, String circuitId, String triggerEvent, JsonNode payload,
                        String status, int attempts, Integer responseCode, String responseBody, String createdAt,
                        String deliveredAt, String errorMessage, String nextRetryAt, List<AttemptView> attemptLog) {
        static DeliveryView of(ManagePostActions.Delivery d, ObjectMapper mapper) {
            OutboxMessage m = d.message();
            String last = d.attempts().isEmpty() ? null : d.attempts().getLast().responseBody();
            boolean waiting = m.status() == OutboxStatus.PENDING || m.status() == OutboxStatus.RETRYING;
            return new DeliveryView(m.id().toString(), m.target(), m.circuitId() == null ? null
                    : m.circuitId().toString(), TriggerEvent.parse(m.eventType()).map(TriggerEvent::variantName)
                    .orElse(m.eventType()), parsed(mapper, m.payload()), m.status().wireName(), m.attempts(),
                    m.lastStatusCode(), last, time(m.createdAt()), time(m.deliveredAt()), m.lastError(),
                    waiting ? time(m.nextAttemptAt()) : null, d.attempts().stream().map(AttemptView::of).toList());
        }
    }

    record TestOutcome(String deliveryId, boolean delivered, Integer statusCode, String error, long durationMs) {
    }

    record WebhookRef(String id, String name, String url) {
    }

    record TestView(boolean success, String message, WebhookRef webhook, TestOutcome result) {
        static TestView of(ManagePostActions.TestResult r) {
            Webhook w = r.webhook();
            return new TestView(true, "Webhook test initiated", new WebhookRef(w.id().toString(), w.name(), w.url()),
                    new TestOutcome(r.deliveryId(), r.delivered(), r.statusCode(), r.error(), r.durationMillis()));
        }
    }

    record Saved<T>(boolean success, String message, T data) {
    }

    record DeliveryList(boolean success, List<DeliveryView> data, int count) {
    }

    private static JsonNode parsed(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
