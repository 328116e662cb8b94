package net.defarm.adapters.http.circuits;

import static net.defarm.adapters.http.circuits.CircuitRequests.circuitId;
import static net.defarm.adapters.http.circuits.CircuitRequests.hasBody;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.UUID;
import net.defarm.adapters.http.circuits.CircuitRequests.JoinPublicRequest;
import net.defarm.adapters.http.circuits.CircuitRequests.PublicSettingsEnvelope;
import net.defarm.adapters.http.circuits.CircuitViews.CircuitView;
import net.defarm.adapters.http.circuits.CircuitViews.JoinPublicView;
import net.defarm.adapters.http.circuits.CircuitViews.PublicInfoView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.circuits.CircuitUseCases;
import net.defarm.application.circuits.JoinCircuit;
import net.defarm.application.shared.Actor;

/** {@code /api/circuits/{id}/public...}: what a circuit shows the public, its public page, and joining it. */
public final class PublicCircuitRoutes implements HttpService {

    private final CircuitUseCases circuits;
    private final HttpJson json;

    public PublicCircuitRoutes(CircuitUseCases circuits, HttpJson json) {
        this.circuits = circuits;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put("/{id}/public-settings", this::publicSettings)
                .get("/{id}/public", this::publicInfo)
                .post("/{id}/public/join", this::joinPublic);
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
}
