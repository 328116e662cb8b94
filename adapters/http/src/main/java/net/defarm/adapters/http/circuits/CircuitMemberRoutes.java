package net.defarm.adapters.http.circuits;

import static net.defarm.adapters.http.circuits.CircuitRequests.circuitId;
import static net.defarm.adapters.http.circuits.CircuitRequests.hasBody;
import static net.defarm.adapters.http.circuits.CircuitRequests.optionalDecision;
import static net.defarm.adapters.http.circuits.CircuitRequests.permissions;
import static net.defarm.adapters.http.circuits.CircuitRequests.role;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.UUID;
import net.defarm.adapters.http.circuits.CircuitRequests.DecisionRequest;
import net.defarm.adapters.http.circuits.CircuitRequests.JoinRequestBody;
import net.defarm.adapters.http.circuits.CircuitRequests.MemberRequest;
import net.defarm.adapters.http.circuits.CircuitRequests.RoleRequest;
import net.defarm.adapters.http.circuits.CircuitViews.CircuitView;
import net.defarm.adapters.http.circuits.CircuitViews.FiledRequestView;
import net.defarm.adapters.http.circuits.CircuitViews.RequestView;
import net.defarm.adapters.http.circuits.CircuitViews.RoleView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Done;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.circuits.CircuitUseCases;
import net.defarm.application.shared.Actor;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.MemberRole;

/** {@code /api/circuits/{id}/...}: members, custom roles and join requests. */
public final class CircuitMemberRoutes implements HttpService {

    private final CircuitUseCases circuits;
    private final HttpJson json;

    public CircuitMemberRoutes(CircuitUseCases circuits, HttpJson json) {
        this.circuits = circuits;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/members", this::addMember)
                .patch("/{id}/members/{user_id}", this::changeRole)
                .delete("/{id}/members/{user_id}", this::removeMember)
                .post("/{id}/requests", this::requestToJoin)
                .get("/{id}/requests/pending", this::pendingRequests)
                .post("/{id}/requests/{requester_id}/approve", this::approveRequest)
                .post("/{id}/requests/{requester_id}/reject", this::rejectRequest)
                .post("/{id}/roles", this::createRole)
                .get("/{id}/roles", this::roles)
                .put("/{id}/roles/{role_name}", this::updateRole)
                .delete("/{id}/roles/{role_name}", this::deleteRole);
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
        json.ok(res, CircuitView.of(circuits.join().approve(actor, id, Requests.path(req, "requester_id"),
                role(Requests.required(body.role(), "role")), body.namedActors())));
    }

    private void rejectRequest(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        json.ok(res, CircuitView.of(circuits.join().reject(actor, id, Requests.path(req, "requester_id"),
                optionalDecision(json, req).namedActors())));
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
        Circuit c = circuits.queries().roles(Caller.of(req), circuitId(req));
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
}
