package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.domain.items.ExternalAlias;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatus;

/** How an item is read from its rows (children aggregated as JSON) and how its status and aliases are stored. */
final class ItemRows {

    /** The item columns plus its children, aggregated in identifier and source-entry order. */
    static final String SELECT_ITEMS = """
            SELECT i.dfid, i.local_id, i.owner_id, i.status, i.merged_into_lid,
                   CAST(i.enriched_data AS text) AS enriched_data, i.created_at, i.last_modified, i.version,
                   i.legacy_mode, i.fingerprint, CAST(i.aliases AS text) AS aliases, i.confidence_score,
                   (SELECT CAST(coalesce(json_agg(json_build_array(ii.namespace, ii.key, ii.value, ii.id_type,
                           ii.registry, ii.verified, ii.verification_date, ii.scope) ORDER BY ii.ordinal),
                           '[]') AS text)
                      FROM item_identifiers ii WHERE ii.dfid = i.dfid) AS identifiers,
                   (SELECT CAST(coalesce(json_agg(se.entry_id ORDER BY se.ordinal), '[]') AS text)
                      FROM item_source_entries se WHERE se.dfid = i.dfid) AS source_entries
              FROM items i
            """;

    private ItemRows() {
    }

    static Item toItem(PgRow r) {
        String status = PgRows.text(r, "status");
        ItemStatus itemStatus = status.equals("MergedInto")
                ? ItemStatus.mergedInto(PgRows.text(r, "merged_into_lid")) : ItemStatus.fromCode(status);
        return new Item(PgRows.text(r, "dfid"), PgRows.uuid(r, "local_id"), PgRows.bool(r, "legacy_mode"),
                identifiers(PgRows.text(r, "identifiers")), aliases(PgRows.text(r, "aliases")),
                PgRows.text(r, "fingerprint"), PgRows.object(r, "enriched_data"), PgRows.instant(r, "created_at"),
                PgRows.instant(r, "last_modified"), sources(PgRows.text(r, "source_entries")),
                PgRows.doubleValue(r, "confidence_score"), itemStatus,
                PgRows.text(r, "owner_id"), PgRows.longValue(r, "version"));
    }

    /** The identifiers' rows, {@code [[namespace, key, value, type, registry, verified, date, scope], ...]}. */
    private static List<Identifier> identifiers(String json) {
        if (json.equals("[]")) {
            return List.of();
        }
        // Token by token: a tree per row cost more than the row's query on list pages.
        try (JsonParser p = PgRows.JSON.getFactory().createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            List<Identifier> ids = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                String namespace = nextText(p);
                String key = nextText(p);
                String value = nextText(p);
                String type = nextText(p);
                String registry = nextText(p);
                JsonToken verified = p.nextToken();
                String date = nextText(p);
                String scope = nextText(p);
                expect(p.nextToken(), JsonToken.END_ARRAY);
                ids.add(new Identifier(namespace, key, value, PgRows.type(type, registry,
                        verified == JsonToken.VALUE_NULL ? null : verified == JsonToken.VALUE_TRUE,
                        date == null ? null : OffsetDateTime.parse(date).toInstant(), scope)));
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable identifiers from the database", e);
        }
    }

    /** The source entries, {@code ["uuid", ...]}. */
    private static List<UUID> sources(String json) {
        if (json.equals("[]")) {
            return List.of();
        }
        try (JsonParser p = PgRows.JSON.getFactory().createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            List<UUID> ids = new ArrayList<>();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                ids.add(UUID.fromString(p.getText()));
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable source entries from the database", e);
        }
    }

    private static String nextText(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("unexpected JSON from the database: " + actual + ", not " + expected);
        }
    }

    record AliasDoc(String scheme, String value, String issuerId, String issuedAt, String evidenceHash) {
    }

    static String aliasesJson(List<ExternalAlias> aliases) {
        return PgRows.json(aliases.stream().map(a -> new AliasDoc(a.scheme(), a.value(), a.issuerId(),
                a.issuedAt() == null ? null : a.issuedAt().toString(), a.evidenceHash())).toList());
    }

    private static List<ExternalAlias> aliases(String json) {
        if (json.equals("[]")) {
            return List.of();
        }
        List<AliasDoc> docs = PgRows.read(json, new TypeReference<>() { });
        return docs.stream().map(d -> new ExternalAlias(d.scheme(), d.value(), d.issuerId(),
                d.issuedAt() == null ? null : Instant.parse(d.issuedAt()), d.evidenceHash())).toList();
    }

    static String statusName(ItemStatus status) {
        return statusName(status.kind());
    }

    static String statusName(ItemStatus.Kind kind) {
        return switch (kind) {
            case ACTIVE -> "Active";
            case DEPRECATED -> "Deprecated";
            case MERGED -> "Merged";
            case SPLIT -> "Split";
            case MERGED_INTO -> "MergedInto";
        };
    }
}
