package net.defarm.application.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.delivery.DeliveryAttempt;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.delivery.PostActionSettings;
import net.defarm.domain.delivery.TriggerEvent;
import net.defarm.domain.delivery.Webhook;
import net.defarm.domain.delivery.WebhookAuthType;
import net.defarm.domain.delivery.WebhookMethod;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.NotFoundException;

/**
 * A circuit's post-actions: its settings, its webhooks, a test call, and the delivery log. Only the owner or a
 * member holding ManagePermissions reads or changes any of it (webhooks reveal where the circuit's data goes).
 */
@UseCase
public final class ManagePostActions {

    /** The settings with the circuit's webhooks. */
    public record Configuration(PostActionSettings settings, List<Webhook> webhooks) {
    }

    public record NewWebhook(String name, String url, String method, Map<String, String> headers, String authType,
                             String authCredentials, Boolean enabled) {
        @Override
        public String toString() {
            return "NewWebhook[" + name + "]";
        }
    }

    /** A created webhook and its signing secret, which is shown this once and never again. */
    public record Created(Webhook webhook, String signingSecret) {
        @Override
        public String toString() {
            return "Created[" + webhook.id() + "]";
        }
    }

    /** What the receiver answered to a test call. */
    public record TestResult(Webhook webhook, String deliveryId, boolean delivered, Integer statusCode, String error,
                             long durationMillis) {
    }

    /** One message of the delivery log with its attempts, oldest attempt first. */
    public record Delivery(OutboxMessage message, List<DeliveryAttempt> attempts) {
    }

    private final Function<UUID, Optional<Circuit>> circuits;
    private final PostActionRepository repository;
    private final Outbox outbox;
    private final SecretBox secrets;
    private final WebhookCalls calls;
    private final WebhookSigner signer;
    private final WebhookTargetGuard guard;
    private final WebhookSender sender;
    private final DeliveryPolicy policy;
    private final UnitOfWork uow;
    private final Clock clock;

    public ManagePostActions(Function<UUID, Optional<Circuit>> circuits, PostActionRepository repository,
                             Outbox outbox, DeliveryPorts ports, DeliveryPolicy policy, UnitOfWork uow, Clock clock) {
        this.circuits = circuits;
        this.repository = repository;
        this.outbox = outbox;
        this.secrets = ports.secrets();
        this.calls = new WebhookCalls(ports);
        this.signer = ports.signer();
        this.guard = ports.guard();
        this.sender = ports.sender();
        this.policy = policy;
        this.uow = uow;
        this.clock = clock;
    }

    public DeliveryPolicy policy() {
        return policy;
    }

    /** Empty when the circuit has no post-action settings yet. */
    public Optional<Configuration> configuration(Actor actor, UUID circuitId) {
        authorize(actor, circuitId);
        return repository.settings(circuitId).map(s -> new Configuration(s, repository.webhooks(circuitId)));
    }

    /** Unknown trigger names are dropped, as the original did. */
    public Configuration updateSettings(Actor actor, UUID circuitId, boolean enabled, List<String> triggers,
                                        boolean includeStorageDetails, boolean includeItemMetadata) {
        authorize(actor, circuitId);
        Set<TriggerEvent> events = EnumSet.noneOf(TriggerEvent.class);
        triggers.forEach(t -> TriggerEvent.parse(t).ifPresent(events::add));
        PostActionSettings settings = new PostActionSettings(circuitId, enabled, events, includeStorageDetails,
                includeItemMetadata, clock.now());
        return uow.inTransaction(() -> {
            repository.saveSettings(settings);
            return new Configuration(settings, repository.webhooks(circuitId));
        });
    }

    public Created createWebhook(Actor actor, UUID circuitId, NewWebhook request) {
        authorize(actor, circuitId);
        String name = required(request.name(), "name");
        String url = required(request.url(), "url").strip();
        guard.check(url);
        WebhookAuthType authType = WebhookAuthType.parse(request.authType());
        String credentials = request.authCredentials() == null || request.authCredentials().isEmpty() ? null
                : request.authCredentials();
        WebhookCalls.checkCredentials(authType, credentials);
        Map<String, String> headers = WebhookCalls.checkedHeaders(request.headers());
        String secret = signer.newSecret();
        Instant now = clock.now();
        Webhook webhook = new Webhook(UUID.randomUUID(), circuitId, name, url, WebhookMethod.parse(request.method()),
                headers, authType, credentials == null ? null : secrets.seal(credentials), secrets.seal(secret),
                request.enabled() == null || request.enabled(), now, now);
        uow.inTransaction(() -> {
            if (repository.settings(circuitId).isEmpty()) {
                repository.saveSettings(PostActionSettings.initial(circuitId, now));
            }
            repository.saveWebhook(webhook);
        });
        return new Created(webhook, secret);
    }

    public Webhook webhook(Actor actor, UUID circuitId, UUID webhookId) {
        authorize(actor, circuitId);
        return load(circuitId, webhookId);
    }

    /** Name, URL (checked again) and the enabled switch; the rest is fixed at creation. */
    public Webhook updateWebhook(Actor actor, UUID circuitId, UUID webhookId, String name, String url,
                                 Boolean enabled) {
        authorize(actor, circuitId);
        if (url != null) {
            guard.check(url.strip());
        }
        if (name != null && name.isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", "name must not be blank");
        }
        return uow.inTransaction(() -> {
            Webhook changed = load(circuitId, webhookId).changed(name, url == null ? null : url.strip(), enabled,
                    clock.now());
            repository.saveWebhook(changed);
            return changed;
        });
    }

    /** Idempotent once the circuit has settings; messages already queued for it end as failed. */
    public void deleteWebhook(Actor actor, UUID circuitId, UUID webhookId) {
        authorize(actor, circuitId);
        requireSettings(circuitId);
        uow.inTransaction(() -> {
            repository.findWebhook(webhookId).filter(w -> w.circuitId().equals(circuitId))
                    .ifPresent(w -> repository.deleteWebhook(webhookId));
        });
    }

    /** Sends a signed test event now, through the same sender as the dispatcher, and reports the receiver's answer. */
    public TestResult test(Actor actor, UUID circuitId, UUID webhookId) {
        Circuit circuit = authorize(actor, circuitId);
        Webhook webhook = load(circuitId, webhookId);
        Instant now = clock.now();
        String deliveryId = UUID.randomUUID().toString();
        String body = JsonObject.of("event_type", JsonValue.of("webhook_test"))
                .with("circuit_id", JsonValue.of(circuitId.toString()))
                .with("circuit_name", JsonValue.of(circuit.name()))
                .with("webhook_id", JsonValue.of(webhookId.toString()))
                .with("timestamp", JsonValue.of(now.toString()))
                .with("triggered_by", JsonValue.of(actor.userId())).toCanonicalJson();
        WebhookSender.Outcome outcome = sender.send(calls.request(webhook, deliveryId,
                now.getEpochSecond(), body));
        return new TestResult(webhook, deliveryId, outcome.succeeded(), outcome.statusCode(),
                DeliveryAttempt.truncate(outcome.error()), outcome.durationMillis());
    }

    /** The circuit's delivery log, newest first, with every attempt. */
    public Page<Delivery> deliveries(Actor actor, UUID circuitId, PageRequest page) {
        authorize(actor, circuitId);
        Outbox.MessageKey before = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode("deliveries", page.cursor(), 2);
            try {
                before = new Outbox.MessageKey(Cursor.instantFromMicros(parts.get(0)), UUID.fromString(parts.get(1)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
            }
        }
        Page<OutboxMessage> messages = Page.of(outbox.findByCircuit(circuitId, before, page.limit() + 1),
                page.limit(), m -> Cursor.encode("deliveries", Cursor.micros(m.createdAt()), m.id().toString()));
        Map<UUID, List<DeliveryAttempt>> attempts = outbox.attempts(messages.items().stream()
                .map(OutboxMessage::id).toList());
        return messages.map(m -> new Delivery(m, attempts.getOrDefault(m.id(), List.of()).stream()
                .sorted(Comparator.comparingInt(DeliveryAttempt::number)).toList()));
    }

    private Circuit authorize(Actor actor, UUID circuitId) {
        Circuit circuit = circuits.apply(circuitId)
                .orElseThrow(() -> new NotFoundException("CIRCUIT_NOT_FOUND", "Circuit not found"));
        circuit.requireOwnerOr(actor.userId(), Permission.MANAGE_PERMISSIONS, "manage post-actions");
        return circuit;
    }

    private void requireSettings(UUID circuitId) {
        if (repository.settings(circuitId).isEmpty()) {
            throw new NotFoundException("POST_ACTIONS_NOT_CONFIGURED", "Post-action settings not configured");
        }
    }

    private Webhook load(UUID circuitId, UUID webhookId) {
        requireSettings(circuitId);
        return repository.findWebhook(webhookId).filter(w -> w.circuitId().equals(circuitId))
                .orElseThrow(() -> new NotFoundException("WEBHOOK_NOT_FOUND", "Webhook not found"));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", field + " is required");
        }
        return value;
    }
}
