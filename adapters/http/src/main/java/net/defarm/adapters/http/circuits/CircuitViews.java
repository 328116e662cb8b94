package net.defarm.adapters.http.circuits;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.defarm.adapters.http.items.IdentifierDto;
import net.defarm.application.circuits.CircuitQueries;
import net.defarm.application.circuits.JoinCircuit;
import net.defarm.domain.circuits.Activity;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitAdapterConfig;
import net.defarm.domain.circuits.CircuitAliasConfig;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.circuits.CircuitMember;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.CircuitPermissions;
import net.defarm.domain.circuits.CustomRole;
import net.defarm.domain.circuits.JoinRequest;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.circuits.PublicSettings;
import net.defarm.domain.events.Event;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.IdentifierType;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonObject;

/** Response shapes of the circuit routes (the reference's names; Unix seconds in DTOs, RFC 3339 in models). */
final class CircuitViews {

    private CircuitViews() {
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    record MemberView(String memberId, String role, String customRoleName, List<String> permissions,
                      long joinedTimestamp) {
        static MemberView of(CircuitMember m) {
            return new MemberView(m.memberId(), m.role().wireName(), m.customRoleName(),
                    m.orderedPermissions().stream().map(Permission::wireName).toList(), m.joinedAt().getEpochSecond());
        }
    }

    record RequestView(String requesterId, long requestedAt, String message, String status) {
        static RequestView of(JoinRequest r) {
            return new RequestView(r.requesterId(), r.requestedAt().getEpochSecond(), r.message(), "Pending");
        }
    }

    /** The answer to a join request: the caller's own request, never the circuit it asks to join. */
    record FiledRequestView(String circuitId, String requesterId, String message, String status, long requestedAt) {
        static FiledRequestView of(JoinCircuit.Filed f) {
            RequestView r = RequestView.of(f.request());
            return new FiledRequestView(f.circuitId().toString(), r.requesterId(), r.message(), r.status(),
                    r.requestedAt());
        }
    }

    record RoleView(String roleId, String roleName, List<String> permissions, String description, String color,
                    long memberCount, long createdTimestamp, String createdBy, boolean isDefault) {
        static RoleView of(Circuit c, CustomRole r) {
            long count = c.members().stream().filter(m -> r.roleName().equals(m.customRoleName())
                    || (m.customRoleName() == null && r.roleName().equals(m.role().wireName()))).count();
            return new RoleView(r.roleId().toString(), r.roleName(),
                    r.orderedPermissions().stream().map(Permission::wireName).toList(), r.description(), r.color(),
                    count, r.createdAt().getEpochSecond(), r.createdBy(), r.isDefault());
        }
    }

    /** Public settings as returned: the access password never leaves the server, only whether there is one. */
    record SettingsView(String accessMode, String scheduledDate, boolean hasAccessPassword, String publicName,
                        String publicDescription, String primaryColor, String secondaryColor, String logoUrl,
                        String tagline, String footerText, List<String> publishedItems, boolean autoApproveMembers,
                        boolean autoPublishPushedItems, boolean showEncryptedEvents, String requiredEventTypes,
                        String dataQualityRules, String exportPermissions, String publicSince) {
        static SettingsView of(PublicSettings s) {
            return s == null ? null : new SettingsView(s.accessMode().wireName(), time(s.scheduledDate()),
                    s.accessPasswordHash() != null, s.publicName(), s.publicDescription(), s.primaryColor(),
                    s.secondaryColor(), s.logoUrl(), s.tagline(), s.footerText(), s.publishedItems(),
                    s.autoApproveMembers(), s.autoPublishPushedItems(), s.showEncryptedEvents(), s.requiredEventTypes(),
                    s.dataQualityRules(), s.exportPermissions(), time(s.publicSince()));
        }
    }

    record AdapterView(String adapterType, boolean sponsorAdapterAccess, boolean requiresApproval,
                       boolean autoMigrateExisting, String configuredBy, String configuredAt) {
        static AdapterView of(CircuitAdapterConfig a) {
            if (a == null) {
                return new AdapterView(null, false, false, false, "system", null);
            }
            return new AdapterView(a.adapterType() == null ? null : a.adapterType().wireName(),
                    a.sponsorAdapterAccess(), a.requiresApproval(), a.autoMigrateExisting(), a.configuredBy(),
                    time(a.configuredAt()));
        }
    }

    record CircuitView(String circuitId, String name, String description, String ownerId, long createdTimestamp,
                       long lastModified, List<MemberView> members, CircuitPermissions permissions, String status,
                       List<RequestView> pendingRequests, List<RoleView> customRoles, SettingsView publicSettings,
                       String defaultNamespace, CircuitAliasConfig aliasConfig) {
        static CircuitView of(Circuit c) {
            return new CircuitView(c.circuitId().toString(), c.name(), c.description(), c.ownerId(),
                    c.createdAt().getEpochSecond(), c.lastModified().getEpochSecond(),
                    c.members().stream().map(MemberView::of).toList(), c.permissions(), c.status().wireName(),
                    c.pendingRequests().stream().map(RequestView::of).toList(),
                    c.customRoles().stream().map(r -> RoleView.of(c, r)).toList(), SettingsView.of(c.publicSettings()),
                    c.defaultNamespace(), c.aliasConfig());
        }
    }

    record OperationView(String operationId, String circuitId, String dfid, String operationType,
                         String requesterId, long timestamp, String status, Map<String, String> metadata) {
        static OperationView of(CircuitOperation o) {
            return new OperationView(o.operationId().toString(), o.circuitId().toString(), o.dfid(),
                    o.type().wireName(), o.requesterId(), o.timestamp().getEpochSecond(), o.status().wireName(),
                    // The domain keeps an unordered copy; clients (and the golden tests) get one order every time.
                    new TreeMap<>(o.metadata()));
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ActivityDetails(int itemsCount, int successCount, List<String> failedItems, List<String> enrichmentMatches,
                           Object permissions, String errorMessage) {
    }

    record ActivityView(String activityId, String activityType, String circuitId, String circuitName,
                        List<String> itemDfids, String userId, long timestamp, String status, ActivityDetails details) {
        static ActivityView of(Activity a) {
            return new ActivityView(a.activityId(), a.type().wireName(), a.circuitId().toString(), a.circuitName(),
                    a.itemDfids(), a.userId(), a.timestamp().getEpochSecond(), a.status(),
                    new ActivityDetails(a.itemsAffected(), a.itemsAffected(), List.of(), List.of(), null, null));
        }
    }

    /** The reference's raw event model (RFC 3339 timestamps, optional local fields omitted when empty). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RawEvent(String eventId, String dfid, String eventType, String timestamp, String source,
                    JsonObject metadata, boolean isEncrypted, String visibility, String contentHash, boolean isLocal,
                    String localEventId, String pushedToCircuit) {
        static RawEvent of(Event e) {
            return new RawEvent(e.eventId().toString(), e.dfid(), e.type().wireName(), e.timestamp().toString(),
                    e.source(), e.metadata(), e.encrypted(), e.visibility().wireName(), e.contentHash(), e.local(),
                    e.localEventId() == null ? null : e.localEventId().toString(),
                    e.pushedToCircuit() == null ? null : e.pushedToCircuit().toString());
        }
    }

    /** The reference's raw identifier model: the type as an externally tagged object. */
    record RawIdentifier(String namespace, String key, String value, Map<String, Object> idType) {
        static RawIdentifier of(Identifier id) {
            Map<String, Object> type = switch (id.type()) {
                case IdentifierType.Canonical c -> {
                    Map<String, Object> fields = new java.util.LinkedHashMap<>();
                    fields.put("registry", c.registry());
                    fields.put("verified", c.verified());
                    fields.put("verification_date", time(c.verificationDate()));
                    yield Map.of("Canonical", fields);
                }
                case IdentifierType.Contextual c -> Map.of("Contextual", Map.of("scope", c.scope()));
            };
            return new RawIdentifier(id.namespace(), id.key(), id.value(), type);
        }
    }

    record RawItem(String dfid, List<RawIdentifier> identifiers, JsonObject enrichedData, long creationTimestamp,
                   long lastModified, List<String> sourceEntries, double confidenceScore, String status) {
        static RawItem of(Item i) {
            return new RawItem(i.dfid(), i.identifiers().stream().map(RawIdentifier::of).toList(), i.enrichedData(),
                    i.createdAt().getEpochSecond(), i.lastModified().getEpochSecond(),
                    i.sourceEntries().stream().map(UUID::toString).toList(), i.confidenceScore(),
                    i.status().display());
        }
    }

    record PullView(RawItem item, List<RawEvent> events, int eventsCount, OperationView operation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CircuitItemView(String dfid, String circuitId, String circuitName, String pushedBy, long pushedAt,
                           List<String> permissions, List<RawEvent> events) {
        static CircuitItemView of(Circuit c, CircuitQueries.CircuitItemView v, boolean withEvents) {
            CircuitItem i = v.item();
            return new CircuitItemView(i.dfid(), i.circuitId().toString(), c.name(), i.pushedBy(),
                    i.pushedAt().getEpochSecond(), List.of("read", "verify"),
                    withEvents ? v.events().stream().map(RawEvent::of).toList() : null);
        }
    }

    record Preview(List<IdentifierDto> identifiers, JsonObject enrichedData) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PendingPushView(String pendingId, String dfid, String pushedBy, long pushedAt, String status,
                           Preview itemPreview) {
        static PendingPushView of(CircuitQueries.PendingPush p) {
            return new PendingPushView(p.operation().operationId().toString(), p.operation().dfid(),
                    p.operation().requesterId(), p.operation().timestamp().getEpochSecond(), "Pending",
                    p.preview() == null ? null : new Preview(IdentifierDto.of(p.preview().identifiers()),
                            p.preview().enrichedData()));
        }
    }

    record PublicEvent(String eventId, String dfid, String eventType, String source, String visibility,
                       String timestamp, JsonObject metadata) {
        static PublicEvent of(Event e) {
            return new PublicEvent(e.eventId().toString(), e.dfid(), e.type().wireName(), e.source(),
                    e.visibility().wireName(), e.timestamp().toString(), e.metadata());
        }
    }

    record PublishedItemView(String dfid, List<PublicEvent> events) {
    }

    record PublicInfoView(String circuitId, String publicName, String publicDescription, String primaryColor,
                          String secondaryColor, String logoUrl, String tagline, String footerText, int memberCount,
                          long itemsCount, long eventsCount, String accessMode, boolean requiresPassword,
                          boolean isCurrentlyAccessible, List<String> publishedItems,
                          List<PublishedItemView> publishedItemsWithEvents, boolean autoPublishPushedItems,
                          String publicSince, String createdAt) {
        static PublicInfoView of(CircuitQueries.PublicInfo info) {
            Circuit c = info.circuit();
            PublicSettings s = c.publicSettings();
            List<PublishedItemView> published = info.publishedWithEvents().stream().map(p ->
                    new PublishedItemView(p.dfid(), p.events().stream().map(PublicEvent::of).toList())).toList();
            long events = published.stream().mapToLong(p -> p.events().size()).sum();
            return new PublicInfoView(c.circuitId().toString(), s == null || s.publicName() == null ? c.name()
                    : s.publicName(), s == null ? null : s.publicDescription(), s == null ? null : s.primaryColor(),
                    s == null ? null : s.secondaryColor(), s == null ? null : s.logoUrl(),
                    s == null ? null : s.tagline(), s == null ? null : s.footerText(), c.members().size(),
                    info.itemsCount(), events, s == null ? "public" : s.accessMode().lowerName(),
                    s != null && s.accessMode() == net.defarm.domain.circuits.AccessMode.PROTECTED, true,
                    info.publishedItems(), published, s != null && s.autoPublishPushedItems(),
                    s == null ? null : time(s.publicSince()), time(c.createdAt()));
        }
    }

    record ToggleView(boolean success, String circuitId, String name, String visibility,
                      boolean allowPublicVisibility) {
    }

    record BatchResultView(String dfid, boolean success, String errorMessage, String errorCode) {
    }

    record BatchView(int successCount, int failedCount, List<BatchResultView> results) {
    }

    record TokenizationView(String dfid, String status, String operationId, String localId) {
    }

    record EventPushView(String localEventId, String eventId, String dfid, boolean wasDeduplicated,
                         String originalEventId) {
    }

    record PushEventsView(boolean success, String circuitId, int eventsPushed, int eventsDeduplicated,
                          List<EventPushView> events) {
    }

    /** {@code approvedAt}: epoch seconds, null when the stored approval time is missing or unreadable. */
    record ApprovedPendingView(String circuitId, String dfid, String pushedBy, long pushedAt, String approvedBy,
                               Long approvedAt, String status) {
    }

    record JoinPublicView(boolean success, String message, boolean requiresApproval) {
    }
}
