package net.defarm.adapters.http.circuits;

import static net.defarm.adapters.http.circuits.CircuitRequests.circuitId;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.UUID;
import net.defarm.adapters.http.circuits.CircuitRequests.AdapterBody;
import net.defarm.adapters.http.circuits.CircuitRequests.CreateRequest;
import net.defarm.adapters.http.circuits.CircuitRequests.PermissionsBody;
import net.defarm.adapters.http.circuits.CircuitRequests.UpdateRequest;
import net.defarm.adapters.http.circuits.CircuitViews.AdapterView;
import net.defarm.adapters.http.circuits.CircuitViews.CircuitView;
import net.defarm.adapters.http.circuits.CircuitViews.ToggleView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.circuits.CircuitUseCases;
import net.defarm.application.circuits.ManageCircuits;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitPermissions;
import net.defarm.domain.circuits.CircuitStatus;
import net.defarm.domain.shared.InvalidInputException;

/**
 * {@code /api/circuits}: the circuits themselves (create, list, read, change, deactivate, visibility, adapter).
 * Registered first under its prefix: its static segments ({@code /list}, {@code /member/...}) must be tried before
 * the {@code /{id}/...} routes of the other circuit services.
 */
public final class CircuitRoutes implements HttpService {

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
                .get("/{id}", this::get)
                .put("/{id}", this::update)
                .patch("/{id}", this::update)
                .put("/{id}/deactivate", this::deactivate)
                .put("/{id}/visibility/toggle", this::toggleVisibility)
                .get("/{id}/adapter", this::adapter)
                .put("/{id}/adapter", this::setAdapter);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        CreateRequest body = json.read(req, CreateRequest.class);
        CircuitPermissions permissions = new CircuitPermissions(Boolean.TRUE.equals(body.requireApprovalForPush()),
                Boolean.TRUE.equals(body.requireApprovalForPull()), Boolean.TRUE.equals(body.allowPublicVisibility()));
        Circuit c = circuits.manage().create(actor, new ManageCircuits.NewCircuit(
                Requests.required(body.name(), "name"), Requests.required(body.description(), "description"),
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
        send(req, res, circuits.queries().list(actor, Requests.boolQuery(req, "include_public", true), status,
                Paging.of(req)));
    }

    private void listForMember(ServerRequest req, ServerResponse res) {
        send(req, res, circuits.queries().listOfMember(Caller.of(req), Requests.path(req, "member_id"),
                Paging.of(req)));
    }

    private void send(ServerRequest req, ServerResponse res, Page<Circuit> page) {
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
}
