package net.defarm.application.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.delivery.PostActionSettings;
import net.defarm.domain.delivery.Webhook;

/** Each circuit's post-action settings and its webhooks (secrets sealed). */
@OutboundPort
public interface PostActionRepository {

    Optional<PostActionSettings> settings(UUID circuitId);

    /** Inserts or replaces the circuit's settings. */
    void saveSettings(PostActionSettings settings);

    /** The circuit's webhooks, oldest first. */
    List<Webhook> webhooks(UUID circuitId);

    Optional<Webhook> findWebhook(UUID webhookId);

    /** Inserts or replaces a webhook. */
    void saveWebhook(Webhook webhook);

    boolean deleteWebhook(UUID webhookId);
}
