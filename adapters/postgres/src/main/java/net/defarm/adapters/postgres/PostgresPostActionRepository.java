package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.delivery.PostActionRepository;
import net.defarm.domain.delivery.PostActionSettings;
import net.defarm.domain.delivery.TriggerEvent;
import net.defarm.domain.delivery.Webhook;
import net.defarm.domain.delivery.WebhookAuthType;
import net.defarm.domain.delivery.WebhookMethod;

/** Post-action settings and webhooks in PostgreSQL (secrets arrive sealed and are stored as they are). */
public final class PostgresPostActionRepository implements PostActionRepository {

    private static final String WEBHOOK_COLUMNS = """
            webhook_id, circuit_id, name, url, method, CAST(headers AS text) AS headers, auth_type,
            sealed_credentials, sealed_secret, enabled, created_at, updated_at""";

    private final PostgresDatabase db;

    public PostgresPostActionRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<PostActionSettings> settings(UUID circuitId) {
        return db.one("""
                SELECT circuit_id, enabled, trigger_events, include_storage_details, include_item_metadata, updated_at
                  FROM post_action_settings WHERE circuit_id = CAST(? AS uuid)""",
                PostgresPostActionRepository::settings, circuitId);
    }

    @Override
    public void saveSettings(PostActionSettings s) {
        String[] triggers = s.triggers().stream().map(TriggerEvent::name).sorted().toArray(String[]::new);
        db.run(ex -> ex.insert("""
                INSERT INTO post_action_settings (circuit_id, enabled, trigger_events, include_storage_details,
                                                  include_item_metadata, updated_at)
                VALUES (CAST(? AS uuid), ?, string_to_array(?, ','), ?, ?, ?)
                ON CONFLICT (circuit_id) DO UPDATE SET enabled = EXCLUDED.enabled,
                       trigger_events = EXCLUDED.trigger_events,
                       include_storage_details = EXCLUDED.include_storage_details,
                       include_item_metadata = EXCLUDED.include_item_metadata, updated_at = EXCLUDED.updated_at""",
                s.circuitId(), s.enabled(), String.join(",", triggers), s.includeStorageDetails(),
                s.includeItemMetadata(), PgRows.at(s.updatedAt())));
    }

    @Override
    public List<Webhook> webhooks(UUID circuitId) {
        return db.list("SELECT " + WEBHOOK_COLUMNS
                + " FROM webhooks WHERE circuit_id = CAST(? AS uuid) ORDER BY created_at, webhook_id",
                PostgresPostActionRepository::webhook, circuitId);
    }

    @Override
    public Optional<Webhook> findWebhook(UUID webhookId) {
        return db.one("SELECT " + WEBHOOK_COLUMNS + " FROM webhooks WHERE webhook_id = CAST(? AS uuid)",
                PostgresPostActionRepository::webhook, webhookId);
    }

    @Override
    public void saveWebhook(Webhook w) {
        db.run(ex -> ex.insert("""
                INSERT INTO webhooks (webhook_id, circuit_id, name, url, method, headers, auth_type, sealed_credentials,
                                      sealed_secret, enabled, created_at, updated_at)
                VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)
                ON CONFLICT (webhook_id) DO UPDATE SET name = EXCLUDED.name, url = EXCLUDED.url,
                       method = EXCLUDED.method, headers = EXCLUDED.headers, auth_type = EXCLUDED.auth_type,
                       sealed_credentials = EXCLUDED.sealed_credentials, sealed_secret = EXCLUDED.sealed_secret,
                       enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at""",
                w.id(), w.circuitId(), w.name(), w.url(), w.method().variantName(), PgRows.json(w.headers()),
                w.authType().wireName(), w.sealedCredentials(), w.sealedSecret(), w.enabled(),
                PgRows.at(w.createdAt()), PgRows.at(w.updatedAt())));
    }

    @Override
    public boolean deleteWebhook(UUID webhookId) {
        return db.run(ex -> ex.delete("DELETE FROM webhooks WHERE webhook_id = CAST(? AS uuid)", webhookId)) > 0;
    }

    private static PostActionSettings settings(PgRow r) {
        Set<TriggerEvent> triggers = EnumSet.noneOf(TriggerEvent.class);
        String[] stored = PgRows.textArray(r, "trigger_events");
        if (stored != null) {
            for (String t : stored) {
                triggers.add(TriggerEvent.valueOf(t));
            }
        }
        return new PostActionSettings(PgRows.uuid(r, "circuit_id"), PgRows.bool(r, "enabled"), triggers,
                PgRows.bool(r, "include_storage_details"), PgRows.bool(r, "include_item_metadata"),
                PgRows.instant(r, "updated_at"));
    }

    private static Webhook webhook(PgRow r) {
        Map<String, String> headers = PgRows.read(PgRows.text(r, "headers"), new TypeReference<>() { });
        return new Webhook(PgRows.uuid(r, "webhook_id"), PgRows.uuid(r, "circuit_id"), PgRows.text(r, "name"),
                PgRows.text(r, "url"), WebhookMethod.fromVariantName(PgRows.text(r, "method")), headers,
                WebhookAuthType.parse(PgRows.text(r, "auth_type")), PgRows.text(r, "sealed_credentials"),
                PgRows.text(r, "sealed_secret"), PgRows.bool(r, "enabled"), PgRows.instant(r, "created_at"),
                PgRows.instant(r, "updated_at"));
    }
}
