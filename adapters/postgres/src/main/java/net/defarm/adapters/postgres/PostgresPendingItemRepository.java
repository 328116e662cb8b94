package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.items.PendingItemRepository;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.items.PendingPriority;
import net.defarm.domain.items.PendingReason;
import net.defarm.domain.items.Severity;
import net.defarm.domain.items.SuggestedAction;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/**
 * Pending items in PostgreSQL. The reason is stored both structured (jsonb, to rebuild it) and as its reference
 * text (to filter on it, as clients do).
 */
public final class PostgresPendingItemRepository implements PendingItemRepository {

    static final String SELECT = """
            SELECT pending_id, owner_id, workspace_id, CAST(identifiers AS text) AS identifiers,
                   CAST(enriched_data AS text) AS enriched_data, source_entry, created_at, last_updated,
                   CAST(reason AS text) AS reason, priority, retry_count, manual_review,
                   CAST(suggested_actions AS text) AS suggested_actions, CAST(metadata AS text) AS metadata, version
              FROM pending_items""";

    private final PostgresDatabase db;

    public PostgresPendingItemRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public PendingItem insert(PendingItem p) {
        db.run(ex -> {
            long inserted = ex.insert("""
                    INSERT INTO pending_items (pending_id, owner_id, workspace_id, identifiers, enriched_data,
                           source_entry, created_at, last_updated, reason, reason_text, priority, retry_count,
                           manual_review, suggested_actions, metadata, version)
                    VALUES (CAST(? AS uuid), ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS uuid), ?, ?,
                            CAST(? AS jsonb), ?, ?, ?, ?,
                            CAST(? AS jsonb), CAST(? AS jsonb), 1)
                    ON CONFLICT (pending_id) DO NOTHING""",
                    p.pendingId(), p.ownerId(), p.workspaceId(), PgRows.identifiersJson(p.identifiers()),
                    p.enrichedData() == null ? null : p.enrichedData().toCanonicalJson(), p.sourceEntry(),
                    PgRows.at(p.createdAt()), PgRows.at(p.lastUpdated()), reasonJson(p.reason()),
                    p.reason().describe(), p.priority().level(), p.retryCount(), p.manualReviewRequired(),
                    PgRows.json(p.suggestedActions()), PgRows.json(p.metadata()));
            if (inserted == 0) {
                throw new ConflictException("DUPLICATE_PENDING_ITEM", "Pending item " + p.pendingId() + " exists");
            }
            return null;
        });
        return p.atVersion(1);
    }

    @Override
    public Optional<PendingItem> findById(UUID pendingId) {
        return db.one(SELECT + " WHERE pending_id = CAST(? AS uuid)", PostgresPendingItemRepository::toPending,
                pendingId);
    }

    @Override
    public PendingItem update(PendingItem p) {
        long updated = db.run(ex -> ex.update("""
                UPDATE pending_items SET identifiers = CAST(? AS jsonb), enriched_data = CAST(? AS jsonb),
                       last_updated = ?, reason = CAST(? AS jsonb), reason_text = ?, priority = ?, retry_count = ?,
                       manual_review = ?, suggested_actions = CAST(? AS jsonb), metadata = CAST(? AS jsonb),
                       version = version + 1
                 WHERE pending_id = CAST(? AS uuid) AND version = ?""",
                PgRows.identifiersJson(p.identifiers()),
                p.enrichedData() == null ? null : p.enrichedData().toCanonicalJson(), PgRows.at(p.lastUpdated()),
                reasonJson(p.reason()), p.reason().describe(), p.priority().level(), p.retryCount(),
                p.manualReviewRequired(), PgRows.json(p.suggestedActions()), PgRows.json(p.metadata()),
                p.pendingId(), p.version()));
        if (updated == 0) {
            throw findById(p.pendingId()).isPresent() ? new StaleUpdateException("Pending item " + p.pendingId())
                    : new NotFoundException("PENDING_ITEM_NOT_FOUND", "Pending item not found");
        }
        return p.atVersion(p.version() + 1);
    }

    @Override
    public boolean delete(UUID pendingId) {
        return db.run(ex -> ex.delete("DELETE FROM pending_items WHERE pending_id = CAST(? AS uuid)", pendingId)) > 0;
    }

    @Override
    public List<PendingItem> find(PendingQuery query, PendingKey after, int limit) {
        PageQuery q = new PageQuery(SELECT + " WHERE owner_id = ?", query.ownerId());
        if (query.reasonContains() != null) {
            q.and("strpos(reason_text, ?) > 0", query.reasonContains());
        }
        if (query.minPriority() != null) {
            q.and("priority >= ?", query.minPriority().level());
        }
        if (after != null) {
            // (priority desc, created_at, id) as one row comparison: negate the descending key.
            q.and("(-priority, created_at, pending_id) > (?, ?, CAST(? AS uuid))", -after.priority(),
                    PgRows.at(after.createdAt()), after.pendingId());
        }
        return q.page(db, "priority DESC, created_at, pending_id", limit, PostgresPendingItemRepository::toPending);
    }

    /** The reason as a tagged JSON object: {"type": variant, ...fields}. */
    static String reasonJson(PendingReason reason) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", reason.name());
        switch (reason) {
            case PendingReason.NoIdentifiers r -> { }
            case PendingReason.InvalidIdentifiers r -> doc.put("message", r.message());
            case PendingReason.ValidationError r -> doc.put("message", r.message());
            case PendingReason.ConflictingDfids r -> {
                doc.put("identifier", PgRows.IdentifierDoc.of(r.identifier()));
                doc.put("conflicting_dfids", r.conflictingDfids());
            }
            case PendingReason.DataQualityIssue r -> {
                doc.put("issue_type", r.issueType());
                doc.put("severity", r.severity().display());
                doc.put("details", r.details());
            }
        }
        return PgRows.json(doc);
    }

    static PendingReason reason(String json) {
        JsonNode doc = PgRows.tree(json);
        return switch (doc.path("type").asText()) {
            case "NoIdentifiers" -> new PendingReason.NoIdentifiers();
            case "InvalidIdentifiers" -> new PendingReason.InvalidIdentifiers(doc.path("message").asText());
            case "ValidationError" -> new PendingReason.ValidationError(doc.path("message").asText());
            case "ConflictingDFIDs" -> new PendingReason.ConflictingDfids(
                    PgRows.JSON.convertValue(doc.path("identifier"), PgRows.IdentifierDoc.class).toDomain(),
                    PgRows.JSON.convertValue(doc.path("conflicting_dfids"), new TypeReference<List<String>>() { }));
            case "DataQualityIssue" -> new PendingReason.DataQualityIssue(doc.path("issue_type").asText(),
                    Severity.fromDisplay(doc.path("severity").asText()), doc.path("details").asText());
            default -> throw new IllegalStateException("unknown pending reason in the database: " + json);
        };
    }

    static PendingItem toPending(PgRow r) {
        return new PendingItem(PgRows.uuid(r, "pending_id"), PgRows.identifiersFromJson(PgRows.text(r, "identifiers")),
                PgRows.object(r, "enriched_data"), PgRows.uuid(r, "source_entry"), PgRows.instant(r, "created_at"),
                PgRows.instant(r, "last_updated"), reason(PgRows.text(r, "reason")),
                PendingPriority.ofLevel(PgRows.intValue(r, "priority")), PgRows.text(r, "owner_id"),
                PgRows.text(r, "workspace_id"), PgRows.intValue(r, "retry_count"), PgRows.bool(r, "manual_review"),
                PgRows.read(PgRows.text(r, "suggested_actions"), new TypeReference<List<SuggestedAction>>() { }),
                PgRows.read(PgRows.text(r, "metadata"), new TypeReference<Map<String, String>>() { }),
                PgRows.longValue(r, "version"));
    }
}
