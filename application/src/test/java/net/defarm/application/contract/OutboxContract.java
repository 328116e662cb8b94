package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.defarm.application.delivery.Outbox;
import net.defarm.application.delivery.PostActionRepository;
import net.defarm.domain.delivery.DeliveryAttempt;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.delivery.OutboxStatus;
import net.defarm.domain.delivery.PostActionSettings;
import net.defarm.domain.delivery.TriggerEvent;
import net.defarm.domain.delivery.Webhook;
import net.defarm.domain.delivery.WebhookAuthType;
import net.defarm.domain.delivery.WebhookMethod;
import org.junit.jupiter.api.Test;

/** The outbox and post-action ports: transactional enqueue, exclusive leased claims, settlement, the log. */
public abstract class OutboxContract extends StoreContract {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private final Instant t0 = micros("2025-06-01T12:00:00.123456Z");

    private Outbox outbox() {
        return store.outbox();
    }

    private OutboxMessage message(UUID circuit, Instant at) {
        return OutboxMessage.create(UUID.randomUUID(), OutboxMessage.WEBHOOK, circuit, UUID.randomUUID().toString(),
                "item_pushed", "{\"n\":1}", at);
    }

    private OutboxMessage enqueue(OutboxMessage m) {
        store.unitOfWork().inTransaction(() -> outbox().enqueue(m));
        return m;
    }

    @Test
    void aMessageExistsOnlyIfItsTransactionCommits() {
        OutboxMessage kept = message(UUID.randomUUID(), t0);
        OutboxMessage dropped = message(UUID.randomUUID(), t0);
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            outbox().enqueue(dropped);
            throw new IllegalStateException("the change failed");
        }));
        enqueue(kept);
        assertTrue(outbox().findById(dropped.id()).isEmpty(), "a rolled-back change leaves no message");
        assertEquals(kept, outbox().findById(kept.id()).orElseThrow(), "every field round-trips");
        List<OutboxMessage> claimed = outbox().claimDue(t0, LEASE, 10);
        assertEquals(List.of(kept.id()), claimed.stream().map(OutboxMessage::id).toList());
    }

    @Test
    void claimsAreExclusiveUntilTheLeaseExpires() {
        OutboxMessage m = enqueue(message(UUID.randomUUID(), t0));
        enqueue(message(UUID.randomUUID(), t0.plusSeconds(60)));
        OutboxMessage first = outbox().claimDue(t0, LEASE, 10).getFirst();
        assertEquals(m.id(), first.id());
        assertEquals(OutboxStatus.IN_PROGRESS, first.status());
        assertEquals(t0.plus(LEASE), first.leaseUntil());
        assertNotNull(first.claim());
        assertTrue(outbox().claimDue(t0.plusSeconds(29), LEASE, 10).isEmpty(),
                "held by its lease; the other message is not due yet");
        // The first dispatcher died: after the lease, another one takes the message over.
        List<OutboxMessage> again = outbox().claimDue(t0.plusSeconds(31), LEASE, 1);
        assertEquals(m.id(), again.getFirst().id());
        DeliveryAttempt attempt = new DeliveryAttempt(m.id(), 1, t0.plusSeconds(31), 200, null, 5, "ok");
        assertFalse(outbox().settle(first, attempt, OutboxStatus.DELIVERED, null),
                "the dispatcher that lost its lease cannot settle");
        assertTrue(outbox().settle(again.getFirst(), attempt, OutboxStatus.DELIVERED, null));
        OutboxMessage done = outbox().findById(m.id()).orElseThrow();
        assertEquals(OutboxStatus.DELIVERED, done.status());
        assertEquals(1, done.attempts());
        assertEquals(t0.plusSeconds(31), done.deliveredAt());
        assertNull(done.claim());
        assertTrue(outbox().claimDue(t0.plusSeconds(3600), LEASE, 10).stream().noneMatch(x -> x.id().equals(m.id())),
                "a delivered message is never claimed again");
    }

    @Test
    void failuresAreRescheduledRecordedAndFinallyDeadLettered() {
        UUID circuit = UUID.randomUUID();
        OutboxMessage m = enqueue(message(circuit, t0));
        OutboxMessage c1 = outbox().claimDue(t0, LEASE, 10).getFirst();
        String longError = "x".repeat(5000);
        assertTrue(outbox().settle(c1, new DeliveryAttempt(m.id(), 1, t0, 500, longError, 12, "oops"),
                OutboxStatus.RETRYING, t0.plusSeconds(2)));
        assertTrue(outbox().claimDue(t0.plusSeconds(1), LEASE, 10).isEmpty(), "not due before its retry time");
        OutboxMessage c2 = outbox().claimDue(t0.plusSeconds(2), LEASE, 10).getFirst();
        assertEquals(1, c2.attempts());
        assertTrue(outbox().settle(c2, new DeliveryAttempt(m.id(), 2, t0.plusSeconds(2), null, "connection refused",
                3, null), OutboxStatus.FAILED, null));
        OutboxMessage failed = outbox().findById(m.id()).orElseThrow();
        assertEquals(OutboxStatus.FAILED, failed.status());
        assertEquals(2, failed.attempts());
        assertEquals("connection refused", failed.lastError());
        assertNull(failed.lastStatusCode());
        assertTrue(outbox().claimDue(t0.plusSeconds(86_400), LEASE, 10).isEmpty(), "a dead letter stays dead");
        List<DeliveryAttempt> attempts = outbox().attempts(List.of(m.id())).get(m.id());
        assertEquals(List.of(1, 2), attempts.stream().map(DeliveryAttempt::number).toList());
        assertEquals(500, attempts.get(0).statusCode());
        assertTrue(attempts.get(0).error().length() <= DeliveryAttempt.MAX_TEXT + 1, "errors are truncated");
        assertEquals("oops", attempts.get(0).responseBody());
        assertEquals(12, attempts.get(0).durationMillis());
    }

    @Test
    void aCircuitsLogIsNewestFirstAndPaged() {
        UUID circuit = UUID.randomUUID();
        List<OutboxMessage> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(enqueue(message(circuit, t0.plusSeconds(i))));
        }
        enqueue(message(UUID.randomUUID(), t0));
        List<OutboxMessage> page1 = outbox().findByCircuit(circuit, null, 3);
        assertEquals(List.of(sent.get(4).id(), sent.get(3).id(), sent.get(2).id()),
                page1.stream().map(OutboxMessage::id).toList());
        List<OutboxMessage> page2 = outbox().findByCircuit(circuit, Outbox.MessageKey.of(page1.getLast()), 3);
        assertEquals(List.of(sent.get(1).id(), sent.get(0).id()), page2.stream().map(OutboxMessage::id).toList());
        assertEquals(Map.of(), outbox().attempts(List.of(sent.get(0).id())));
    }

    @Test
    void concurrentDispatchersNeverClaimTheSameMessage() throws Exception {
        Set<UUID> all = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            all.add(enqueue(message(UUID.randomUUID(), t0)).id());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    List<UUID> mine = new ArrayList<>();
                    List<OutboxMessage> batch;
                    while (!(batch = outbox().claimDue(t0, LEASE, 7)).isEmpty()) {
                        batch.forEach(m -> mine.add(m.id()));
                    }
                    return mine;
                }));
            }
            start.countDown();
        }
        List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<UUID>> r : results) {
            claimed.addAll(r.get());
        }
        assertEquals(all.size(), claimed.size(), "no message claimed twice");
        assertEquals(all, new HashSet<>(claimed), "every message claimed once");
    }

    @Test
    void postActionSettingsAndWebhooksRoundTripAndRollBack() {
        PostActionRepository repo = store.postActions();
        UUID circuit = UUID.randomUUID();
        assertTrue(repo.settings(circuit).isEmpty());
        PostActionSettings settings = new PostActionSettings(circuit, true,
                Set.of(TriggerEvent.ITEM_PUSHED, TriggerEvent.ITEM_TOKENIZED), true, false, t0);
        store.unitOfWork().inTransaction(() -> repo.saveSettings(settings));
        assertEquals(settings, repo.settings(circuit).orElseThrow());
        Webhook w1 = new Webhook(UUID.randomUUID(), circuit, "ERP", "https://erp.example.com/hook", WebhookMethod.PUT,
                Map.of("X-Tenant", "a"), WebhookAuthType.BEARER_TOKEN, "sealed-cred", "sealed-secret", true, t0, t0);
        Webhook w2 = new Webhook(UUID.randomUUID(), circuit, "BI", "https://bi.example.com/hook", WebhookMethod.POST,
                Map.of(), WebhookAuthType.NONE, null, "sealed-2", false, t0.plusSeconds(1), t0.plusSeconds(1));
        store.unitOfWork().inTransaction(() -> {
            repo.saveWebhook(w1);
            repo.saveWebhook(w2);
        });
        assertEquals(List.of(w1, w2), repo.webhooks(circuit));
        Webhook renamed = w1.changed("ERP 2", null, false, t0.plusSeconds(5));
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            repo.saveWebhook(renamed);
            repo.deleteWebhook(w2.id());
            repo.saveSettings(PostActionSettings.initial(circuit, t0.plusSeconds(5)));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(List.of(w1, w2), repo.webhooks(circuit), "a rolled-back change leaves the webhooks as they were");
        assertEquals(settings, repo.settings(circuit).orElseThrow());
        store.unitOfWork().inTransaction(() -> repo.saveWebhook(renamed));
        assertEquals(renamed, repo.findWebhook(w1.id()).orElseThrow());
        assertTrue(store.unitOfWork().inTransaction(() -> repo.deleteWebhook(w2.id())));
        assertFalse(store.unitOfWork().inTransaction(() -> repo.deleteWebhook(w2.id())));
        assertEquals(List.of(renamed), repo.webhooks(circuit));
        assertTrue(repo.webhooks(UUID.randomUUID()).isEmpty());
    }
}
