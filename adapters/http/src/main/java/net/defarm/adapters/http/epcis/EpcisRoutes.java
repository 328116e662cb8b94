package net.defarm.adapters.http.epcis;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.epcis.EpcisUseCases;
import net.defarm.application.epcis.ExportEpcis;
import net.defarm.application.epcis.ImportEpcis;
import net.defarm.application.shared.Page;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;

/**
 * GS1 EPCIS 2.0: {@code GET /api/items/{dfid}/epcis}, {@code GET /api/circuits/{id}/epcis} (one EPCISDocument per
 * page, {@code application/ld+json}, next cursor in the Link and X-Next-Cursor headers) and
 * {@code POST /api/events/epcis} (an EPCISDocument in, JSON or JSON-LD). docs/epcis.md describes the shapes.
 */
public final class EpcisRoutes {

    public static final String JSON_LD = "application/ld+json";

    record ImportedView(String eventId, String dfid, String eventType, long timestamp, boolean wasDeduplicated) {
        static ImportedView of(ImportEpcis.Imported i) {
            return new ImportedView(i.event().eventId().toString(), i.event().dfid(), i.event().type().wireName(),
                    i.event().timestamp().getEpochSecond(), i.deduplicated());
        }
    }

    record ImportView(int imported, int deduplicated, List<ImportedView> events) {
    }

    private EpcisRoutes() {
    }

    /** Under {@code /api/items}. */
    public static HttpService items(EpcisUseCases epcis, HttpJson json) {
        return rules -> rules.get("/{dfid}/epcis", (req, res) -> send(req, res, json,
                epcis.export().item(Caller.of(req), Requests.path(req, "dfid"), Paging.of(req))));
    }

    /** Under {@code /api/circuits}. */
    public static HttpService circuits(EpcisUseCases epcis, HttpJson json) {
        return rules -> rules.get("/{id}/epcis", (req, res) -> send(req, res, json, epcis.export().circuit(
                Caller.of(req), Requests.uuidPath(req, "id", "circuit ID"), Paging.of(req))));
    }

    /** Under {@code /api/events}. */
    public static HttpService events(EpcisUseCases epcis, HttpJson json) {
        return (HttpRules rules) -> rules.post("/epcis", (req, res) -> importDocument(req, res, epcis, json));
    }

    private static void importDocument(ServerRequest req, ServerResponse res, EpcisUseCases epcis, HttpJson json) {
        var tree = json.readTree(req, MediaTypes.APPLICATION_JSON, MediaTypes.create("application", "ld+json"));
        if (!tree.isObject()) {
            throw new InvalidInputException("INVALID_JSON", "The request body must be a JSON object");
        }
        JsonObject document = json.mapper().convertValue(tree, JsonObject.class);
        String requested = Requests.query(req, "visibility").orElse("private");
        EventVisibility visibility = EventVisibility.parseRequested(requested).orElseThrow(() ->
                new InvalidInputException("INVALID_VISIBILITY", "Invalid visibility: " + requested));
        Optional<String> target = Requests.query(req, "dfid");
        List<ImportedView> events = epcis.importer().importDocument(Caller.of(req), document, target, visibility)
                .stream().map(ImportedView::of).toList();
        int duplicates = (int) events.stream().filter(ImportedView::wasDeduplicated).count();
        json.ok(res, new ImportView(events.size() - duplicates, duplicates, events));
    }

    private static void send(ServerRequest req, ServerResponse res, HttpJson json, ExportEpcis.EpcisPage page) {
        Paging.headers(req, res, new Page<>(List.of(), page.nextCursor()));
        json.ok(res, page.document(), JSON_LD);
    }
}
