package net.defarm.adapters.http.circuits;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import net.defarm.adapters.http.circuits.CircuitViews.ActivityView;
import net.defarm.adapters.http.circuits.CircuitViews.AdapterView;
import net.defarm.adapters.http.circuits.CircuitViews.CircuitItemView;
import net.defarm.adapters.http.circuits.CircuitViews.CircuitView;
import net.defarm.adapters.http.circuits.CircuitViews.FiledRequestView;
import net.defarm.adapters.http.circuits.CircuitViews.OperationView;
import net.defarm.adapters.http.circuits.CircuitViews.PendingPushView;
import net.defarm.adapters.http.circuits.CircuitViews.PublicInfoView;
import net.defarm.adapters.http.circuits.CircuitViews.PullView;
import net.defarm.adapters.http.circuits.CircuitViews.RawEvent;
import net.defarm.adapters.http.circuits.CircuitViews.RawItem;
import net.defarm.adapters.http.circuits.CircuitViews.RequestView;
import net.defarm.adapters.http.circuits.CircuitViews.RoleView;
import net.defarm.adapters.http.items.IdentifierDto;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Done;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.circuits.CircuitQueries;
import net.defarm.application.circuits.CircuitUseCases;
import net.defarm.application.circuits.JoinCircuit;
import net.defarm.application.circuits.ManageCircuits;
import net.defarm.application.circuits.PullFromCircuit;
import net.defarm.application.circuits.PushToCircuit;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.domain.circuits.AccessMode;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitAliasConfig;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.CircuitPermissions;
import net.defarm.domain.circuits.CircuitStatus;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/** {@code /api/circuits}: sharing groups, membership, push and pull, approvals, public access. */
public final class CircuitRoutes implements HttpService {

    record AliasConfigBody(List<String> requiredCanonical, List<String> requiredContextual, Boolean useFingerprint,
                           List<String> allowedNamespaces, Boolean autoApplyNamespace) {
        CircuitAliasConfig toDomain() {
            return new CircuitAliasConfig(requiredCanonical == null ? List.of() : requiredCanonical,
                    requiredContextual == null ? List.of() : requiredContextual,
                    useFingerprint == null || useFingerprint, allowedNamespaces,
                    autoApplyNamespace == null || autoApplyNamespace);
        }
    }

    record AdapterBody(String adapterType, Boolean requiresApproval, Boolean autoMigrateExisting,
                       Boolean sponsorAdapterAccess) {
        ManageCircuits.AdapterRequest toDomain() {
            AdapterType type = adapterType == null ? null : AdapterType.parse(adapterType).orElseThrow(() ->
                    new InvalidInputException("INVALID_ADAPTER_TYPE", "Invalid adapter type: Unknown adapter type: "
                            + adapterType));
            return new ManageCircuits.AdapterRequest(type, Boolean.TRUE.equals(requiresApproval),
                    Boolean.TRUE.equals(autoMigrateExisting), Boolean.TRUE.equals(sponsorAdapterAccess));
        }
    }

    record PublicSettingsBody(String accessMode, String scheduledDate, String accessPassword, String publicName,
                              String publicDescription, String primaryColor, String secondaryColor, String logoUrl,
                              String tagline, String footerText, List<String> publishedItems,
                              Boolean autoApproveMembers, Boolean autoPublishPushedItems, Boolean showEncryptedEvents,
                              String requiredEventTypes, String dataQualityRules, String exportPermissions) {
        @Override
        public String toString() {
            return "PublicSettingsBody[" + accessMode + "]";
        }

        ManageCircuits.PublicSettingsRequest toDomain() {
            AccessMode mode = AccessMode.parse(Requests.required(accessMode, "access_mode")).orElseThrow(() ->
                    new InvalidInputException("INVALID_ACCESS_MODE", "access_mode must be one of public, open, "
                            + "protected, scheduled (was '" + accessMode + "')"));
            Instant date = null;
            if (scheduledDate != null) {
                try {
                    date = OffsetDateTime.parse(scheduledDate).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("INVALID_SCHEDULED_DATE",
                            "scheduled_date must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z");
                }
            }
            String export = exportPermissions == null ? null : switch (exportPermissions.toLowerCase(Locale.ROOT)) {
                case "admin" -> "Admin";
                case "members" -> "Members";
                case "public" -> "Public";
                default -> throw new InvalidInputException("INVALID_EXPORT_PERMISSIONS",
                        "export_permissions must be admin, members or public");
            };
            return new ManageCircuits.PublicSettingsRequest(mode, date, accessPassword, publicName, publicDescription,
                    primaryColor, secondaryColor, logoUrl, tagline, footerText, publishedItems,
                    Boolean.TRUE.equals(autoApproveMembers), Boolean.TRUE.equals(autoPublishPushedItems),
                    Boolean.TRUE.equals(showEncryptedEvents), requiredEventTypes, dataQualityRules, export);
        }
    }

    record CreateRequest(String name, String description, AdapterBody adapterConfig, AliasConfigBody aliasConfig,
                         Boolean allowPublicVisibility, PublicSettingsBody publicSettings,
                         Boolean requireApprovalForPush, Boolean requireApprovalForPull) {
    }

    record PermissionsBody(Boolean requireApprovalForPush, Boolean requireApprovalForPull,
                           Boolean allowPublicVisibility) {
    }

    record UpdateRequest(String name, String description, PermissionsBody permissions) {
    }

    record MemberRequest(String memberId, String role, String customRoleName) {
    }

    record BatchItem(String dfid) {
    }

    record BatchRequest(List<BatchItem> items) {
    }

    record BatchResultView(String dfid, boolean success, String errorMessage, String errorCode) {
    }

    record BatchView(int successCount, int failedCount, List<BatchResultView> results) {
    }

    record PushLocalRequest(String localId, List<IdentifierDto> identifiers, JsonObject enrichedData) {
    }

    record TokenizationView(String dfid, String status, String operationId, String localId) {
    }

    record PushEventsRequest(List<String> localEventIds, String dfid) {
    }

    record EventPushView(String localEventId, String eventId, String dfid, boolean wasDeduplicated,
                         String originalEventId) {
    }

    record PushEventsView(boolean success, String circuitId, int eventsPushed, int eventsDeduplicated,
                          List<EventPushView> events) {
    }

    /** Approve and reject bodies; an actor id in the body may only name the caller (approvals act as the caller). */
    record DecisionRequest(String approverId, String adminId, String reason, String role) {
    }

    record JoinRequestBody(String message) {
    }

    record PublicSettingsEnvelope(PublicSettingsBody publicSettings) {
    }

    record JoinPublicRequest(String accessPassword, String message) {
        @Override
        public String toString() {
            return "JoinPublicRequest";
        }
    }

    record JoinPublicView(boolean success, String message, boolean requiresApproval) {
    }

    record RoleRequest(String roleName, List<String> permissions, String description, String color) {
    }

    record ToggleView(boolean success, String circuitId, String name, String visibility,
                      boolean allowPublicVisibility) {
    }

    record ApprovedPendingView(String circuitId, String dfid, String pushedBy, long pushedAt, String approvedBy,
                               long approvedAt, String status) {
    }

    private final CircuitUseCases circuits;
    private final HttpJson json;

    public CircuitRoutes(CircuitUseCases circuits, HttpJson json) {
        this.circuits = circuits;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::list)
                .get("/list", this::list)
                .get("/member/{member_id}", this::listForMember)
                .post("/operations/{operation_id}/approve", this::approveOperation)
                .post("/operations/{operation_id}/reject", this::rejectOperation)
                .get("/{id}", this::get)
                .put("/{id}", this::update)
                .patch("/{id}", this::update)
                .put("/{id}/deactivate", this::deactivate)
                .put("/{id}/visibility/toggle", this::toggleVisibility)
                .post("/{id}/members", this::addMember)
                .patch("/{id}/members/{user_id}", this::changeRole)
                .delete("/{id}/members/{user_id}", this::removeMember)
                .post("/{id}/push/batch", this::pushBatch)
                .post("/{id}/push/{dfid}", this::push)
                .post("/{id}/push-local", this::pushLocal)
                .post("/{id}/push-events", this::pushEvents)
                .post("/{id}/pull/{dfid}", this::pull)
                .get("/{id}/operations", (req, res) -> operations(req, res, null))
                .get("/{id}/operations/pending", (req, res) -> operations(req, res, CircuitOperation.Status.PENDING))
                .get("/{id}/pending-items", this::pendingItems)
                .post("/{id}/pending-items/{pending_id}/approve", this::approvePending)
                .post("/{id}/pending-items/{pending_id}/reject", this::rejectPending)
                .get("/{id}/items", this::items)
                .get("/{id}/activities", this::activities)
                .post("/{id}/requests", this::requestToJoin)
                .get("/{id}/requests/pending", this::pendingRequests)
                .post("/{id}/requests/{requester_id}/approve", this::approveRequest)
                .post("/{id}/requests/{requester_id}/reject", this::rejectRequest)
                .put("/{id}/public-settings", this::publicSettings)
                .get("/{id}/public", this::publicInfo)
                .post("/{id}/public/join", this::joinPublic)
                .post("/{id}/roles", this::createRole)
                .get("/{id}/roles", this::roles)
                .put("/{id}/roles/{role_name}", this::updateRole)
                .delete("/{id}/roles/{role_name}", this::deleteRole)
                .get("/{id}/adapter", this::adapter)
                .put("/{id}/adapter", this::setAdapter);
    }

    private static UUID circuitId(ServerRequest req) {
        return Requests.uuidPath(req, "id", "circuit ID");
    }

    private void create(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        CreateRequest body = json.read(req, CreateRequest.class);
        CircuitPermissions permissions = new CircuitPermissions(Boolean.TRUE.equals(body.requireApprovalForPush()),
                Boolean.TRUE.equals(body.requireApprovalForPull()), Boolean.TRUE.equals(body.allowPublicVisibility()));
        Circuit c = circuits.manage().create(actor, new ManageCircuits.NewCircuit(Requests.required(body.name(), "name"),
                Requests.required(body.description(), "description"),
                body.aliasConfig() == null ? null : body.aliasConfig().toDomain(), permissions,
                body.publicSettings() == null ? null : body.publicSettings().toDomain(),
                body.adapterConfig() == null ? null : body.adapterConfig().toDomain()));
        json.ok(res, CircuitView.of(c));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        CircuitStatus status = Requests.query(req, "status").map(s -> {
            try {
                return CircuitStatus.fromWireName(s);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("INVALID_QUERY", "status must be active, inactive or archived");
            }
        }).orElse(null);
        Page<Circuit> page = circuits.queries().list(actor, Requests.boolQuery(req, "include_public", true), status,
                Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(CircuitView::of).toList());
    }

    /** Only one's own membership list: another user's circuits are not disclosed. */
    private void listForMember(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        if (!actor.userId().equals(Requests.path(req, "member_id"))) {
            throw new PermissionDeniedException("Permission denied: you can only list your own circuits");
        }
        Page<Circuit> page = circuits.queries().list(actor, false, null, Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(CircuitView::of).toList());
    }

    private void get(ServerRequest req, ServerResponse res) {
        json.ok(res, CircuitView.of(circuits.queries().get(Caller.of(req), circuitId(req))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        UpdateRequest body = json.read(req, UpdateRequest.class);
        PermissionsBody p = body.permissions() == null ? new PermissionsBody(null, null, null) : body.permissions();
        json.ok(res, CircuitView.of(circuits.manage().update(actor, id, body.name(), body.description(),
                p.requireApprovalForPush(), p.requireApprovalForPull(), p.allowPublicVisibility())));
    }

    private void deactivate(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, CircuitView.of(circuits.manage().deactivate(actor, circuitId(req))));
    }

    private void toggleVisibility(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        Circuit c = circuits.manage().toggleVisibility(actor, circuitId(req));
        boolean visible = c.permissions().allowPublicVisibility();
        json.ok(res, new ToggleView(true, c.circuitId().toString(), c.name(), visible ? "public" : "private", visible));
    }

    private void addMember(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        MemberRequest body = json.read(req, MemberRequest.class);
        json.ok(res, CircuitView.of(circuits.membership().addMember(actor, id,
                Requests.required(body.memberId(), "member_id"), role(Requests.required(body.role(), "role")))));
    }

    private void changeRole(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        MemberRequest body = json.read(req, MemberRequest.class);
        MemberRole role = body.role() == null ? MemberRole.MEMBER : role(body.role());
        json.ok(res, CircuitView.of(circuits.membership().changeRole(actor, id, Requests.path(req, "user_id"), role,
                body.customRoleName())));
    }

    private void removeMember(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, CircuitView.of(circuits.membership().removeMember(actor, circuitId(req),
                Requests.path(req, "user_id"))));
    }

    private void push(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, OperationView.of(circuits.push().push(actor, circuitId(req), Requests.path(req, "dfid"))));
    }

    private void pushBatch(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        BatchRequest body = json.read(req, BatchRequest.class);
        List<String> dfids = Requests.required(body.items(), "items").stream()
                .map(i -> Requests.required(Requests.required(i, "items[]").dfid(), "items[].dfid")).toList();
        List<PushToCircuit.BatchResult> results = circuits.push().pushAll(actor, id, dfids);
        int ok = (int) results.stream().filter(PushToCircuit.BatchResult::success).count();
        json.ok(res, new BatchView(ok, results.size() - ok, results.stream().map(r ->
                new BatchResultView(r.dfid(), r.success(), r.error(), r.errorCode())).toList()));
    }

    private void pushLocal(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        PushLocalRequest body = json.read(req, PushLocalRequest.class);
        UUID lid = Requests.uuid(Requests.required(body.localId(), "local_id"), "local_id");
        List<Identifier> ids = IdentifierDto.toDomain(body.identifiers());
        PushToCircuit.Tokenization t = circuits.push().pushLocal(actor, id, lid, ids, body.enrichedData());
        json.ok(res, Envelope.of(new TokenizationView(t.dfid(), t.status() == PushToCircuit.TokenizationStatus
                .NEW_ITEM_CREATED ? "NewItemCreated" : "ExistingItemEnriched", t.operationId().toString(),
                t.localId().toString())));
    }

    private void pushEvents(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        PushEventsRequest body = json.read(req, PushEventsRequest.class);
        String dfid = Requests.required(body.dfid(), "dfid");
        // Malformed local ids are skipped, like unknown ones.
        List<UUID> ids = Requests.required(body.localEventIds(), "local_event_ids").stream().map(s -> {
            try {
                return s == null ? null : UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
        List<PushToCircuit.EventPush> pushed = circuits.push().pushEvents(actor, id, dfid, ids);
        int dedup = (int) pushed.stream().filter(PushToCircuit.EventPush::deduplicated).count();
        json.ok(res, new PushEventsView(true, id.toString(), pushed.size() - dedup, dedup, pushed.stream().map(p ->
                new EventPushView(p.localEventId().toString(), p.eventId().toString(), p.dfid(), p.deduplicated(),
                        p.originalEventId() == null ? null : p.originalEventId().toString())).toList()));
    }

    private void pull(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        PullFromCircuit.Pulled pulled = circuits.pull().pull(actor, circuitId(req), Requests.path(req, "dfid"));
        json.ok(res, new PullView(RawItem.of(pulled.item()), pulled.events().stream().map(RawEvent::of).toList(),
                pulled.events().size(), OperationView.of(pulled.operation())));
    }

    private void operations(ServerRequest req, ServerResponse res, CircuitOperation.Status status) {
        Actor actor = Caller.of(req);
        Page<CircuitOperation> page = circuits.queries().operations(actor, circuitId(req), status, Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(OperationView::of).toList());
    }

    private void approveOperation(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID op = Requests.uuidPath(req, "operation_id", "operation ID");
        requireSelf(actor, optionalDecision(req));
        json.ok(res, OperationView.of(circuits.approvals().approve(actor, op)));
    }

    private void rejectOperation(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID op = Requests.uuidPath(req, "operation_id", "operation ID");
        DecisionRequest body = optionalDecision(req);
        requireSelf(actor, body);
        json.ok(res, OperationView.of(circuits.approvals().reject(actor, op, body.reason())));
    }

    private void pendingItems(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        Page<CircuitQueries.PendingPush> page = circuits.queries().pendingPushes(actor, circuitId(req), Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, Envelope.of(page.items().stream().map(PendingPushView::of).toList()));
    }

    private void approvePending(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        UUID op = Requests.uuidPath(req, "pending_id", "pending item ID");
        requireSelf(actor, optionalDecision(req));
        circuits.approvals().inCircuit(id, op);
        CircuitOperation approved = circuits.approvals().approve(actor, op);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("message", "Item approved and added to circuit");
        body.put("data", new ApprovedPendingView(id.toString(), approved.dfid(), approved.requesterId(),
                approved.timestamp().getEpochSecond(), actor.userId(), Instant.parse(
                approved.metadata().get("approved_at")).getEpochSecond(), "active"));
        json.ok(res, body);
    }

    private void rejectPending(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        UUID op = Requests.uuidPath(req, "pending_id", "pending item ID");
        DecisionRequest body = optionalDecision(req);
        requireSelf(actor, body);
        circuits.approvals().inCircuit(id, op);
        circuits.approvals().reject(actor, op, body.reason());
        json.ok(res, Done.of("Item rejected"));
    }

    private void items(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        boolean withEvents = Requests.boolQuery(req, "include_events", false);
        Page<CircuitQueries.CircuitItemView> page = circuits.queries().items(actor, id, withEvents, Paging.of(req));
        Circuit c = circuits.queries().get(actor, id);
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(v -> CircuitItemView.of(c, v, withEvents)).toList());
    }

    private void activities(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        var page = circuits.queries().activities(actor, circuitId(req), Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, page.items().stream().map(ActivityView::of).toList());
    }

    private void requestToJoin(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        JoinRequestBody body = hasBody(req) ? json.read(req, JoinRequestBody.class) : new JoinRequestBody(null);
        json.ok(res, FiledRequestView.of(circuits.join().request(actor, id, body.message())));
    }

    private void pendingRequests(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, circuits.join().pending(actor, circuitId(req)).stream().map(RequestView::of).toList());
    }

    private void approveRequest(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        DecisionRequest body = json.read(req, DecisionRequest.class);
        requireSelf(actor, body);
        json.ok(res, CircuitView.of(circuits.join().approve(actor, id, Requests.path(req, "requester_id"),
                role(Requests.required(body.role(), "role")))));
    }

    private void rejectRequest(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        requireSelf(actor, optionalDecision(req));
        json.ok(res, CircuitView.of(circuits.join().reject(actor, id, Requests.path(req, "requester_id"))));
    }

    private void publicSettings(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        PublicSettingsEnvelope body = json.read(req, PublicSettingsEnvelope.class);
        json.ok(res, Envelope.of(CircuitView.of(circuits.manage().setPublicSettings(actor, id,
                Requests.required(body.publicSettings(), "public_settings").toDomain()))));
    }

    /** The public page: no credentials needed. */
    private void publicInfo(ServerRequest req, ServerResponse res) {
        json.ok(res, Envelope.of(PublicInfoView.of(circuits.queries().publicInfo(circuitId(req)))));
    }

    private void joinPublic(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        JoinPublicRequest body = hasBody(req) ? json.read(req, JoinPublicRequest.class)
                : new JoinPublicRequest(null, null);
        JoinCircuit.PublicJoin joined = circuits.join().joinPublic(actor, id, body.accessPassword(), body.message());
        json.ok(res, new JoinPublicView(true, joined.message(), joined.pending()));
    }

    private void createRole(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        RoleRequest body = json.read(req, RoleRequest.class);
        String name = Requests.required(body.roleName(), "role_name");
        Circuit c = circuits.membership().createRole(actor, id, name,
                permissions(Requests.required(body.permissions(), "permissions")), body.description(), body.color());
        json.ok(res, RoleView.of(c, c.customRole(name).orElseThrow()));
    }

    private void roles(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        Circuit c = circuits.queries().get(actor, circuitId(req));
        if (!c.isMember(actor.userId())) {
            throw new PermissionDeniedException("NOT_A_MEMBER", "Permission denied: only members of this circuit "
                    + "can do this");
        }
        json.ok(res, c.customRoles().stream().map(r -> RoleView.of(c, r)).toList());
    }

    private void updateRole(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        String name = Requests.path(req, "role_name");
        RoleRequest body = json.read(req, RoleRequest.class);
        Circuit c = circuits.membership().updateRole(actor, id, name,
                body.permissions() == null ? null : permissions(body.permissions()), body.description(), body.color());
        json.ok(res, RoleView.of(c, c.customRole(name).orElseThrow()));
    }

    private void deleteRole(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        String name = Requests.path(req, "role_name");
        circuits.membership().deleteRole(actor, circuitId(req), name);
        json.ok(res, Done.of("Custom role '" + name + "' deleted successfully"));
    }

    private void adapter(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        Circuit c = circuits.queries().get(actor, circuitId(req));
        json.ok(res, AdapterView.of(c.adapterConfig()));
    }

    private void setAdapter(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        AdapterBody body = json.read(req, AdapterBody.class);
        json.ok(res, AdapterView.of(circuits.manage().setAdapter(actor, id, body.toDomain()).adapterConfig()));
    }

    private DecisionRequest optionalDecision(ServerRequest req) {
        return hasBody(req) ? json.read(req, DecisionRequest.class) : new DecisionRequest(null, null, null, null);
    }

    /** Optional bodies: an empty one (no length, or length 0) counts as absent whatever its content type. */
    private static boolean hasBody(ServerRequest req) {
        OptionalLong length = req.headers().contentLength();
        return length.isPresent() ? length.getAsLong() > 0 : req.content().hasEntity();
    }

    /**
     * The reference trusted an approver id in the body. Here approvals always act as the caller; a body naming
     * someone else is refused and changes nothing.
     */
    private static void requireSelf(Actor actor, DecisionRequest body) {
        for (String named : new String[] {body.approverId(), body.adminId()}) {
            if (named != null && !named.equals(actor.userId())) {
                throw new PermissionDeniedException("ACTOR_MISMATCH", "Permission denied: approvals act as the "
                        + "authenticated user; the body names someone else");
            }
        }
    }

    private static MemberRole role(String name) {
        return MemberRole.parse(name).orElseThrow(() -> new InvalidInputException("INVALID_ROLE",
                "Invalid member role: " + name));
    }

    private static Set<Permission> permissions(List<String> names) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        for (String n : names) {
            set.add(Permission.parse(n).orElseThrow(() -> new InvalidInputException("INVALID_PERMISSION",
                    "Invalid permission: " + n)));
        }
        return set;
    }
}
