package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import net.defarm.domain.circuits.AccessMode;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.circuits.CircuitAdapterConfig;
import net.defarm.domain.circuits.CircuitAliasConfig;
import net.defarm.domain.circuits.CircuitMember;
import net.defarm.domain.circuits.CustomRole;
import net.defarm.domain.circuits.JoinRequest;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.circuits.PublicSettings;

/** How a circuit's parts are written as JSON: jsonb settings columns, and child rows going in and out as JSON. */
final class CircuitDocs {

    private CircuitDocs() {
    }

    /** One child row per element, numbered from 0 in the circuit's order. */
    static <T, D> List<D> numbered(List<T> elements, BiFunction<Integer, T, D> row) {
        List<D> rows = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            rows.add(row.apply(i, elements.get(i)));
        }
        return rows;
    }

    record Member(int ordinal, String memberId, String role, String customRoleName, List<String> permissions,
                  String joinedAt) {
        static Member of(int ordinal, CircuitMember m) {
            return new Member(ordinal, m.memberId(), m.role().wireName(), m.customRoleName(),
                    m.orderedPermissions().stream().map(Permission::wireName).toList(), m.joinedAt().toString());
        }

        CircuitMember toDomain() {
            return new CircuitMember(memberId, MemberRole.fromWireName(role), customRoleName, CircuitDocs.permissions(permissions),
                    instant(joinedAt));
        }
    }

    record Role(int ordinal, String roleId, String roleName, List<String> permissions, String description,
                String color, String createdAt, String createdBy, boolean isDefault) {
        static Role of(int ordinal, CustomRole r) {
            return new Role(ordinal, r.roleId().toString(), r.roleName(),
                    r.orderedPermissions().stream().map(Permission::wireName).toList(), r.description(), r.color(),
                    r.createdAt().toString(), r.createdBy(), r.isDefault());
        }

        CustomRole toDomain() {
            return new CustomRole(UUID.fromString(roleId), roleName, CircuitDocs.permissions(permissions), description, color,
                    instant(createdAt), createdBy, isDefault);
        }
    }

    record Request(int ordinal, String requesterId, String requestedAt, String message, String status) {
        static Request of(int ordinal, JoinRequest r) {
            return new Request(ordinal, r.requesterId(), r.requestedAt().toString(), r.message(), switch (r.status()) {
                case PENDING -> "Pending";
                case APPROVED -> "Approved";
                case REJECTED -> "Rejected";
            });
        }

        JoinRequest toDomain() {
            return new JoinRequest(requesterId, instant(requestedAt), message,
                    JoinRequest.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT)));
        }
    }

    record Settings(String accessMode, String scheduledDate, String accessPasswordHash, String publicName,
                    String publicDescription, String primaryColor, String secondaryColor, String logoUrl,
                    String tagline, String footerText, List<String> publishedItems, boolean autoApproveMembers,
                    boolean autoPublishPushedItems, boolean showEncryptedEvents, String requiredEventTypes,
                    String dataQualityRules, String exportPermissions, String publicSince) {
        static Settings of(PublicSettings s) {
            return new Settings(s.accessMode().wireName(), string(s.scheduledDate()), s.accessPasswordHash(),
                    s.publicName(), s.publicDescription(), s.primaryColor(), s.secondaryColor(), s.logoUrl(),
                    s.tagline(), s.footerText(), s.publishedItems(), s.autoApproveMembers(),
                    s.autoPublishPushedItems(), s.showEncryptedEvents(), s.requiredEventTypes(), s.dataQualityRules(),
                    s.exportPermissions(), string(s.publicSince()));
        }

        PublicSettings toDomain() {
            return new PublicSettings(AccessMode.parse(accessMode).orElseThrow(), instant(scheduledDate),
                    accessPasswordHash, publicName, publicDescription, primaryColor, secondaryColor, logoUrl, tagline,
                    footerText, publishedItems, autoApproveMembers, autoPublishPushedItems, showEncryptedEvents,
                    requiredEventTypes, dataQualityRules, exportPermissions, instant(publicSince));
        }
    }

    record Adapter(String adapterType, String configuredBy, String configuredAt, boolean requiresApproval,
                   boolean autoMigrateExisting, boolean sponsorAdapterAccess) {
        static Adapter of(CircuitAdapterConfig a) {
            return new Adapter(a.adapterType() == null ? null : a.adapterType().wireName(), a.configuredBy(),
                    string(a.configuredAt()), a.requiresApproval(), a.autoMigrateExisting(), a.sponsorAdapterAccess());
        }

        CircuitAdapterConfig toDomain() {
            return new CircuitAdapterConfig(adapterType == null ? null : AdapterType.parse(adapterType).orElseThrow(),
                    configuredBy, instant(configuredAt), requiresApproval, autoMigrateExisting, sponsorAdapterAccess);
        }
    }

    record Alias(List<String> requiredCanonical, List<String> requiredContextual, boolean useFingerprint,
                 List<String> allowedNamespaces, boolean autoApplyNamespace) {
        static Alias of(CircuitAliasConfig a) {
            return new Alias(a.requiredCanonical(), a.requiredContextual(), a.useFingerprint(), a.allowedNamespaces(),
                    a.autoApplyNamespace());
        }

        CircuitAliasConfig toDomain() {
            return new CircuitAliasConfig(requiredCanonical, requiredContextual, useFingerprint, allowedNamespaces,
                    autoApplyNamespace);
        }
    }

    static <T> List<T> list(String json, TypeReference<List<T>> type) {
        return PgRows.read(json, type);
    }

    static Set<Permission> permissions(List<String> names) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        names.forEach(n -> set.add(Permission.fromWireName(n)));
        return set;
    }

    static Instant instant(String value) {
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
