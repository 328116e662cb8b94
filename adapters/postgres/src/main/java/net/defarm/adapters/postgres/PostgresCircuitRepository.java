package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitPermissions;
import net.defarm.domain.circuits.CircuitStatus;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/**
 * Circuits in PostgreSQL: a row plus members, custom roles and join requests in child tables. Reading one circuit
 * or a page of circuits is one statement; saving one is one transaction.
 */
public final class PostgresCircuitRepository implements CircuitRepository {

    static final String SELECT = """
            SELECT c.circuit_id, c.name, c.description, c.owner_id, c.default_namespace,
                   CAST(c.alias_config AS text) AS alias_config, c.created_at, c.last_modified,
                   c.require_approval_for_push, c.require_approval_for_pull, c.allow_public_visibility, c.status,
                   CAST(c.public_settings AS text) AS public_settings, CAST(c.adapter_config AS text) AS adapter_config,
                   c.version,
                   (SELECT CAST(coalesce(json_agg(json_build_object('ordinal', m.ordinal, 'member_id', m.member_id,
                           'role', m.role, 'custom_role_name', m.custom_role_name, 'permissions', m.permissions,
                           'joined_at', m.joined_at) ORDER BY m.ordinal), '[]') AS text)
                      FROM circuit_members m WHERE m.circuit_id = c.circuit_id) AS members,
                   (SELECT CAST(coalesce(json_agg(json_build_object('ordinal', r.ordinal, 'role_id', r.role_id,
                           'role_name', r.role_name, 'permissions', r.permissions, 'description', r.description,
                           'color', r.color, 'created_at', r.created_at, 'created_by', r.created_by,
                           'is_default', r.is_default) ORDER BY r.ordinal), '[]') AS text)
                      FROM circuit_custom_roles r WHERE r.circuit_id = c.circuit_id) AS custom_roles,
                   (SELECT CAST(coalesce(json_agg(json_build_object('ordinal', j.ordinal, 'requester_id',
                           j.requester_id, 'requested_at', j.requested_at, 'message', j.message, 'status', j.status)
                           ORDER BY j.ordinal), '[]') AS text)
                      FROM circuit_join_requests j WHERE j.circuit_id = c.circuit_id) AS join_requests
              FROM circuits c""";

    private final PostgresDatabase db;

    public PostgresCircuitRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Circuit insert(Circuit c) {
        return db.atomically(ex -> {
            long inserted = ex.insert("""
                    INSERT INTO circuits (circuit_id, name, description, owner_id, default_namespace, alias_config,
                           created_at, last_modified, require_approval_for_push, require_approval_for_pull,
                           allow_public_visibility, status, public_settings, adapter_config, version)
                    VALUES (CAST(? AS uuid), ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb),
                            CAST(? AS jsonb), 1)
                    ON CONFLICT (circuit_id) DO NOTHING""",
                    c.circuitId(), c.name(), c.description(), c.ownerId(), c.defaultNamespace(), aliasJson(c),
                    PgRows.at(c.createdAt()), PgRows.at(c.lastModified()), c.permissions().requireApprovalForPush(),
                    c.permissions().requireApprovalForPull(), c.permissions().allowPublicVisibility(),
                    c.status().wireName(), settingsJson(c), adapterJson(c));
            if (inserted == 0) {
                throw new ConflictException("DUPLICATE_CIRCUIT", "Circuit " + c.circuitId() + " exists");
            }
            writeChildren(ex, c);
            return c.atVersion(1);
        });
    }

    @Override
    public Optional<Circuit> findById(UUID circuitId) {
        return db.one(SELECT + " WHERE c.circuit_id = CAST(? AS uuid)", PostgresCircuitRepository::toCircuit,
                circuitId);
    }

    @Override
    public Circuit update(Circuit c) {
        return db.atomically(ex -> {
            long updated = ex.update("""
                    UPDATE circuits SET name = ?, description = ?, owner_id = ?, default_namespace = ?,
                           alias_config = CAST(? AS jsonb), last_modified = ?, require_approval_for_push = ?,
                           require_approval_for_pull = ?, allow_public_visibility = ?, status = ?,
                           public_settings = CAST(? AS jsonb), adapter_config = CAST(? AS jsonb), version = version + 1
                     WHERE circuit_id = CAST(? AS uuid) AND version = ?""",
                    c.name(), c.description(), c.ownerId(), c.defaultNamespace(), aliasJson(c),
                    PgRows.at(c.lastModified()), c.permissions().requireApprovalForPush(),
                    c.permissions().requireApprovalForPull(), c.permissions().allowPublicVisibility(),
                    c.status().wireName(), settingsJson(c), adapterJson(c), c.circuitId(), c.version());
            if (updated == 0) {
                boolean exists = ex.get("SELECT 1 FROM circuits WHERE circuit_id = CAST(? AS uuid)", c.circuitId())
                        .isPresent();
                throw exists ? new StaleUpdateException("Circuit " + c.circuitId())
                        : new NotFoundException("CIRCUIT_NOT_FOUND", "Circuit not found");
            }
            ex.delete("DELETE FROM circuit_members WHERE circuit_id = CAST(? AS uuid)", c.circuitId());
            ex.delete("DELETE FROM circuit_custom_roles WHERE circuit_id = CAST(? AS uuid)", c.circuitId());
            ex.delete("DELETE FROM circuit_join_requests WHERE circuit_id = CAST(? AS uuid)", c.circuitId());
            writeChildren(ex, c);
            return c.atVersion(c.version() + 1);
        });
    }

    /** One statement per non-empty child list; an empty one costs no round trip. */
    private static void writeChildren(DbExecute ex, Circuit c) {
        if (!c.members().isEmpty()) {
            insertMembers(ex, c);
        }
        if (!c.customRoles().isEmpty()) {
            insertCustomRoles(ex, c);
        }
        if (!c.joinRequests().isEmpty()) {
            insertJoinRequests(ex, c);
        }
    }

    private static void insertMembers(DbExecute ex, Circuit c) {
        ex.insert("""
                INSERT INTO circuit_members (circuit_id, ordinal, member_id, role, custom_role_name, permissions,
                                             joined_at)
                SELECT CAST(? AS uuid), x.ordinal, x.member_id, x.role, x.custom_role_name, x.permissions, x.joined_at
                  FROM json_to_recordset(CAST(? AS json)) AS x(ordinal integer, member_id text, role text,
                       custom_role_name text, permissions text[], joined_at timestamptz)""",
                c.circuitId(), PgRows.json(CircuitDocs.numbered(c.members(), CircuitDocs.Member::of)));
    }

    private static void insertCustomRoles(DbExecute ex, Circuit c) {
        ex.insert("""
                INSERT INTO circuit_custom_roles (circuit_id, ordinal, role_id, role_name, permissions, description,
                                                  color, created_at, created_by, is_default)
                SELECT CAST(? AS uuid), x.ordinal, x.role_id, x.role_name, x.permissions, x.description, x.color,
                       x.created_at, x.created_by, x.is_default
                  FROM json_to_recordset(CAST(? AS json)) AS x(ordinal integer, role_id uuid, role_name text,
                       permissions text[], description text, color text, created_at timestamptz, created_by text,
                       is_default boolean)""",
                c.circuitId(), PgRows.json(CircuitDocs.numbered(c.customRoles(), CircuitDocs.Role::of)));
    }

    private static void insertJoinRequests(DbExecute ex, Circuit c) {
        ex.insert("""
                INSERT INTO circuit_join_requests (circuit_id, ordinal, requester_id, requested_at, message, status)
                SELECT CAST(? AS uuid), x.ordinal, x.requester_id, x.requested_at, x.message, x.status
                  FROM json_to_recordset(CAST(? AS json)) AS x(ordinal integer, requester_id text,
                       requested_at timestamptz, message text, status text)""",
                c.circuitId(), PgRows.json(CircuitDocs.numbered(c.joinRequests(), CircuitDocs.Request::of)));
    }

    @Override
    public List<Circuit> find(CircuitQuery query, CircuitKey after, int limit) {
        PageQuery q = new PageQuery(SELECT
                + " WHERE (EXISTS (SELECT 1 FROM circuit_members m WHERE m.circuit_id = c.circuit_id"
                + " AND m.member_id = ?) OR c.owner_id = ? OR (? AND c.allow_public_visibility))",
                query.userId(), query.userId(), query.includePublic());
        if (query.status() != null) {
            q.and("c.status = ?", query.status().wireName());
        }
        if (after != null) {
            q.and("(c.created_at, c.circuit_id) > (?, CAST(? AS uuid))", PgRows.at(after.createdAt()),
                    after.circuitId());
        }
        return q.page(db, "c.created_at, c.circuit_id", limit, PostgresCircuitRepository::toCircuit);
    }

    private static String aliasJson(Circuit c) {
        return c.aliasConfig() == null ? null : PgRows.json(CircuitDocs.Alias.of(c.aliasConfig()));
    }

    private static String settingsJson(Circuit c) {
        return c.publicSettings() == null ? null : PgRows.json(CircuitDocs.Settings.of(c.publicSettings()));
    }

    private static String adapterJson(Circuit c) {
        return c.adapterConfig() == null ? null : PgRows.json(CircuitDocs.Adapter.of(c.adapterConfig()));
    }

    static Circuit toCircuit(PgRow r) {
        String alias = PgRows.text(r, "alias_config");
        String settings = PgRows.text(r, "public_settings");
        String adapter = PgRows.text(r, "adapter_config");
        return new Circuit(PgRows.uuid(r, "circuit_id"), PgRows.text(r, "name"), PgRows.text(r, "description"),
                PgRows.text(r, "owner_id"), PgRows.text(r, "default_namespace"),
                alias == null ? null : PgRows.read(alias, new TypeReference<CircuitDocs.Alias>() { }).toDomain(),
                PgRows.instant(r, "created_at"), PgRows.instant(r, "last_modified"),
                CircuitDocs.list(PgRows.text(r, "members"), new TypeReference<List<CircuitDocs.Member>>() { })
                        .stream().map(CircuitDocs.Member::toDomain).toList(),
                new CircuitPermissions(PgRows.bool(r, "require_approval_for_push"),
                        PgRows.bool(r, "require_approval_for_pull"), PgRows.bool(r, "allow_public_visibility")),
                CircuitStatus.fromWireName(PgRows.text(r, "status")),
                CircuitDocs.list(PgRows.text(r, "join_requests"), new TypeReference<List<CircuitDocs.Request>>() { })
                        .stream().map(CircuitDocs.Request::toDomain).toList(),
                CircuitDocs.list(PgRows.text(r, "custom_roles"), new TypeReference<List<CircuitDocs.Role>>() { })
                        .stream().map(CircuitDocs.Role::toDomain).toList(),
                settings == null ? null
                        : PgRows.read(settings, new TypeReference<CircuitDocs.Settings>() { }).toDomain(),
                adapter == null ? null : PgRows.read(adapter, new TypeReference<CircuitDocs.Adapter>() { }).toDomain(),
                PgRows.longValue(r, "version"));
    }
}
