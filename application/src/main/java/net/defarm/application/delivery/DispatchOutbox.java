package net.defarm.application.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.delivery.DeliveryAttempt;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.delivery.OutboxStatus;
import net.defarm.domain.delivery.Webhook;

/**
 * Delivers what the outbox holds (webhook calls, mail, and the topics of {@link OutboxHandler}s): claims a batch of due messages (with a lease, so several
 * dispatchers share the work and none sends a message another one holds), sends each on a virtual thread, records
 * the attempt, and reschedules a failure with backoff or, after the last attempt, marks it failed (the dead letter).
 */
@UseCase
public final class DispatchOutbox {

    /** What one pass did. */
    public record Summary(int claimed, int delivered, int retried, int failed, int lost) {
        Summary plus(Summary o) {
            return new Summary(claimed + o.claimed, delivered + o.delivered, retried + o.retried, failed + o.failed,
                    lost + o.lost);
        }
    }

    private final Outbox outbox;
    private final PostActionRepository webhooks;
    private final WebhookCalls calls;
    private final WebhookSender sender;
    private final Mailer mailer;
    private final MailOutbox mail;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final Map<String, OutboxHandler> handlers;

    public DispatchOutbox(Outbox outbox, PostActionRepository webhooks, DeliveryPorts ports, DeliveryPolicy policy,
                          Clock clock) {
        this(outbox, webhooks, ports, policy, clock, Map.of());
    }

    /** {@code handlers} carry out the topics other contexts own (by topic name), beside webhooks and mail. */
    public DispatchOutbox(Outbox outbox, PostActionRepository webhooks, DeliveryPorts ports, DeliveryPolicy policy,
                          Clock clock, Map<String, OutboxHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.calls = new WebhookCalls(ports);
        this.sender = ports.sender();
        this.mailer = ports.mailer();
        this.mail = new MailOutbox(outbox, ports.secrets());
        this.policy = policy;
        this.clock = clock;
    }

    /** One batch: claims what is due now and settles each message. */
    public Summary runOnce() {
        List<OutboxMessage> claimed = outbox.claimDue(clock.now(), policy.lease(), policy.batchSize());
        if (claimed.isEmpty()) {
            return new Summary(0, 0, 0, 0, 0);
        }
        // One read per webhook per batch, not per message.
        Map<String, Optional<Webhook>> targets = new HashMap<>();
        for (OutboxMessage message : claimed) {
            targets.computeIfAbsent(message.topic() + ":" + message.target(),
                    t -> OutboxMessage.WEBHOOK.equals(message.topic())
                            ? webhooks.findWebhook(UUID.fromString(message.target())) : Optional.empty());
        }
        List<Future<OutboxStatus>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (OutboxMessage message : claimed) {
                results.add(threads.submit(() -> route(message, targets)));
            }
        }
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        int lost = 0;
        for (Future<OutboxStatus> result : results) {
            OutboxStatus status = outcome(result);
            switch (status) {
                case DELIVERED -> delivered++;
                case RETRYING -> retried++;
                case FAILED -> failed++;
                default -> lost++;
            }
        }
        return new Summary(claimed.size(), delivered, retried, failed, lost);
    }

    /** Passes until nothing is due (messages rescheduled for later stay for a later run). */
    public Summary drain() {
        Summary total = new Summary(0, 0, 0, 0, 0);
        while (true) {
            Summary pass = runOnce();
            total = total.plus(pass);
            if (pass.claimed() == 0) {
                return total;
            }
        }
    }

    private static OutboxStatus outcome(Future<OutboxStatus> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            // The store failed while settling: the lease expires and another pass retries the message.
            return OutboxStatus.IN_PROGRESS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OutboxStatus.IN_PROGRESS;
        }
    }

    private OutboxStatus route(OutboxMessage message, Map<String, Optional<Webhook>> targets) {
        if (OutboxMessage.MAIL.equals(message.topic())) {
            return deliverMail(message);
        }
        OutboxHandler handler = handlers.get(message.topic());
        return handler == null ? deliver(message, targets.get(message.topic() + ":" + message.target()))
                : handle(message, handler);
    }

    /** Runs a topic's handler and settles with the retry policy; an exception is a failed attempt. */
    private OutboxStatus handle(OutboxMessage message, OutboxHandler handler) {
        Instant started = clock.now();
        int number = message.attempts() + 1;
        OutboxHandler.Outcome outcome;
        try {
            outcome = handler.handle(message);
        } catch (RuntimeException e) {
            outcome = OutboxHandler.Outcome.retry(e.getMessage() == null ? "the handler failed" : e.getMessage());
        }
        long millis = java.time.Duration.between(started, clock.now()).toMillis();
        DeliveryAttempt attempt = new DeliveryAttempt(message.id(), number, started, null, outcome.error(), millis,
                null);
        if (outcome.done()) {
            return settle(message, attempt, OutboxStatus.DELIVERED, null);
        }
        if (outcome.permanent() || number >= policy.maxAttempts()) {
            return settle(message, attempt, OutboxStatus.FAILED, null);
        }
        return settle(message, attempt, OutboxStatus.RETRYING, clock.now().plus(policy.delayAfter(number)));
    }

    /** Sends one claimed message and settles it; IN_PROGRESS when its lease was lost meanwhile. */
    private OutboxStatus deliver(OutboxMessage message, Optional<Webhook> webhook) {
        Instant started = clock.now();
        int number = message.attempts() + 1;
        DeliveryAttempt attempt;
        if (webhook.isEmpty() || !webhook.get().enabled()) {
            attempt = new DeliveryAttempt(message.id(), number, started, null,
                    webhook.isEmpty() ? "The webhook no longer exists" : "The webhook is disabled", 0, null);
            return settle(message, attempt, OutboxStatus.FAILED, null);
        }
        WebhookSender.Outcome outcome = sender.send(calls.request(webhook.get(), message.id().toString(),
                started.getEpochSecond(), message.payload()));
        attempt = new DeliveryAttempt(message.id(), number, started, outcome.statusCode(),
                outcome.succeeded() ? null : failure(outcome), outcome.durationMillis(), outcome.responseBody());
        if (outcome.succeeded()) {
            return settle(message, attempt, OutboxStatus.DELIVERED, null);
        }
        if (number >= policy.maxAttempts()) {
            return settle(message, attempt, OutboxStatus.FAILED, null);
        }
        return settle(message, attempt, OutboxStatus.RETRYING, clock.now().plus(policy.delayAfter(number)));
    }

    /** Opens and sends one claimed mail; a message this key cannot open is failed at once (no retry helps). */
    private OutboxStatus deliverMail(OutboxMessage message) {
        Instant started = clock.now();
        int number = message.attempts() + 1;
        MailMessage opened;
        try {
            opened = mail.open(message);
        } catch (RuntimeException e) {
            return settle(message, new DeliveryAttempt(message.id(), number, started, null,
                    "The mail could not be opened: " + e.getMessage(), 0, null), OutboxStatus.FAILED, null);
        }
        Mailer.Outcome outcome = mailer.send(opened);
        DeliveryAttempt attempt = new DeliveryAttempt(message.id(), number, started, null, outcome.error(),
                outcome.durationMillis(), null);
        if (outcome.sent()) {
            return settle(message, attempt, OutboxStatus.DELIVERED, null);
        }
        if (number >= policy.maxAttempts()) {
            return settle(message, attempt, OutboxStatus.FAILED, null);
        }
        return settle(message, attempt, OutboxStatus.RETRYING, clock.now().plus(policy.delayAfter(number)));
    }

    private OutboxStatus settle(OutboxMessage message, DeliveryAttempt attempt, OutboxStatus next, Instant due) {
        return outbox.settle(message, attempt, next, due) ? next : OutboxStatus.IN_PROGRESS;
    }

    private static String failure(WebhookSender.Outcome outcome) {
        if (outcome.error() != null) {
            return outcome.error();
        }
        return "The receiver answered " + outcome.statusCode();
    }
}
