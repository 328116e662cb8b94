package net.defarm.adapters.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.delivery.PostActionRepository;
import net.defarm.domain.delivery.PostActionSettings;
import net.defarm.domain.delivery.Webhook;

/** Post-action settings and webhooks in memory; writes inside a unit of work are undone if it fails. */
public final class InMemoryPostActionRepository implements PostActionRepository {

    private final Map<UUID, PostActionSettings> settings = new ConcurrentHashMap<>();
    private final Map<UUID, Webhook> webhooks = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryPostActionRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public Optional<PostActionSettings> settings(UUID circuitId) {
        return Optional.ofNullable(settings.get(circuitId));
    }

    @Override
    public void saveSettings(PostActionSettings s) {
        PostActionSettings previous = settings.put(s.circuitId(), s);
        uow.onRollback(() -> restore(settings, s.circuitId(), previous));
    }

    @Override
    public List<Webhook> webhooks(UUID circuitId) {
        return webhooks.values().stream().filter(w -> w.circuitId().equals(circuitId))
                .sorted(Comparator.comparing(Webhook::createdAt).thenComparing(w -> w.id().toString())).toList();
    }

    @Override
    public Optional<Webhook> findWebhook(UUID webhookId) {
        return Optional.ofNullable(webhooks.get(webhookId));
    }

    @Override
    public void saveWebhook(Webhook webhook) {
        Webhook previous = webhooks.put(webhook.id(), webhook);
        uow.onRollback(() -> restore(webhooks, webhook.id(), previous));
    }

    @Override
    public boolean deleteWebhook(UUID webhookId) {
        Webhook removed = webhooks.remove(webhookId);
        if (removed != null) {
            uow.onRollback(() -> webhooks.putIfAbsent(webhookId, removed));
        }
        return removed != null;
    }

    private static <V> void restore(Map<UUID, V> map, UUID key, V previous) {
        if (previous == null) {
            map.remove(key);
        } else {
            map.put(key, previous);
        }
    }
}
