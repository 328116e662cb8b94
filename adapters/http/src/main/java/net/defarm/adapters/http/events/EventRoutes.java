package net.defarm.adapters.http.events;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.List;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.events.EventFilter;
import net.defarm.application.events.EventUseCases;
import net.defarm.application.events.RecordEvent;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;

/** {@code /api/events}: recording events and reading the ones the caller may see. */
public final class EventRoutes implements HttpService {

    record CreateEventRequest(String dfid, String eventType, String visibility, JsonObject metadata) {
    }

    record LocalEventRequest(String eventType, String visibility, JsonObject metadata) {
    }

    record EventView(String eventId, String dfid, String eventType, long timestamp, String source,
                     JsonObject metadata, boolean isEncrypted, String visibility) {
        static EventView of(Event e) {
            return new EventView(e.eventId().toString(), e.dfid(), e.type().wireName(), e.timestamp().getEpochSecond(),
                    e.source(), e.metadata(), e.encrypted(), e.visibility().wireName());
        }
    }

    record RecordedView(String eventId, String dfid, String eventType, long timestamp, String source,
                        JsonObject metadata, boolean isEncrypted, String visibility, boolean wasDeduplicated,
                        String originalEventId, String contentHash) {
        static RecordedView of(RecordEvent.Recording r) {
            Event e = r.event();
            return new RecordedView(e.eventId().toString(), e.dfid(), e.type().wireName(),
                    e.timestamp().getEpochSecond(), e.source(), e.metadata(), e.encrypted(), e.visibility().wireName(),
                    r.deduplicated(), r.deduplicated() ? r.originalEventId().toString() : null, e.contentHash());
        }
    }

    record LocalEventView(String eventId, String localEventId, String eventType, long timestamp, String source,
                          JsonObject metadata, String visibility, boolean isLocal) {
        static LocalEventView of(Event e) {
            return new LocalEventView(e.eventId().toString(), e.localEventId().toString(), e.type().wireName(),
                    e.timestamp().getEpochSecond(), e.source(), e.metadata(), e.visibility().wireName(), e.local());
        }
    }

    private final EventUseCases events;
    private final HttpJson json;

    public EventRoutes(EventUseCases events, HttpJson json) {
        this.events = events;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .post("/local", this::createLocal)
                .get("/local/{local_event_id}", this::getLocal)
                .get("/item/{dfid}", this::byItem)
                .get("/type/{event_type}", this::byType)
                .get("/visibility/{visibility}", this::byVisibility)
                .get("/timeline", this::timeline)
                .get("/public", (req, res) -> list(req, res, EventFilter.any().withVisibility(EventVisibility.PUBLIC)))
                .get("/private", (req, res) -> list(req, res, EventFilter.any().ownedOnly()
                        .withVisibility(EventVisibility.PRIVATE)))
                .get("/{event_id}", this::get)
                .post("/{event_id}/metadata", this::addMetadata);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        CreateEventRequest body = json.read(req, CreateEventRequest.class);
        String dfid = Requests.required(body.dfid(), "dfid");
        EventType type = type(Requests.required(body.eventType(), "event_type"));
        EventVisibility visibility = visibility(Requests.required(body.visibility(), "visibility"));
        json.ok(res, RecordedView.of(events.recordEvent().record(actor, dfid, type, visibility,
                metadata(body.metadata()))));
    }

    private void createLocal(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        LocalEventRequest body = json.read(req, LocalEventRequest.class);
        EventType type = type(Requests.required(body.eventType(), "event_type"));
        EventVisibility visibility = visibility(Requests.required(body.visibility(), "visibility"));
        json.ok(res, LocalEventView.of(events.recordEvent().recordLocal(actor, type, visibility,
                metadata(body.metadata()))));
    }

    private void getLocal(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, LocalEventView.of(events.queries().getLocal(actor,
                Requests.uuidPath(req, "local_event_id", "local_event_id"))));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, EventView.of(events.queries().get(actor, Requests.uuidPath(req, "event_id", "event ID"))));
    }

    private void addMetadata(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        var id = Requests.uuidPath(req, "event_id", "event ID");
        JsonObject added = json.read(req, JsonObject.class);
        json.ok(res, EventView.of(events.addMetadata().add(actor, id, added)));
    }

    private void byItem(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        send(req, res, events.queries().forItem(actor, Requests.path(req, "dfid"), Paging.of(req)));
    }

    private void byType(ServerRequest req, ServerResponse res) {
        list(req, res, EventFilter.any().ofType(type(Requests.path(req, "event_type"))));
    }

    private void byVisibility(ServerRequest req, ServerResponse res) {
        EventVisibility visibility = visibility(Requests.path(req, "visibility"));
        EventFilter q = EventFilter.any().withVisibility(visibility);
        list(req, res, visibility == EventVisibility.PRIVATE ? q.ownedOnly() : q);
    }

    /** Events in [start_date, end_date] (Unix seconds, inclusive); either bound may be left out. */
    private void timeline(ServerRequest req, ServerResponse res) {
        Instant from = Requests.epochSecondsQuery(req, "start_date").orElse(null);
        Instant to = Requests.epochSecondsQuery(req, "end_date").map(s -> s.plusNanos(999_999_000)).orElse(null);
        EventFilter q = EventFilter.any().between(from, to);
        q = Requests.query(req, "event_type").map(t -> type(t)).map(q::ofType).orElse(q);
        q = Requests.query(req, "visibility").map(v -> visibility(v)).map(q::withVisibility).orElse(q);
        list(req, res, q);
    }

    private void list(ServerRequest req, ServerResponse res, EventFilter filter) {
        send(req, res, events.queries().list(Caller.of(req), filter, Paging.of(req)));
    }

    private void send(ServerRequest req, ServerResponse res, Page<Event> page) {
        Paging.headers(req, res, page);
        List<EventView> body = page.items().stream().map(EventView::of).toList();
        json.ok(res, body);
    }

    private static JsonObject metadata(JsonObject metadata) {
        return metadata == null ? JsonObject.EMPTY : metadata;
    }

    private static EventType type(String name) {
        return EventType.parse(name).orElseThrow(() -> new InvalidInputException("INVALID_EVENT_TYPE",
                "Invalid event type: " + name));
    }

    private static EventVisibility visibility(String name) {
        return EventVisibility.parseRequested(name).orElseThrow(() -> new InvalidInputException("INVALID_VISIBILITY",
                "Invalid visibility: " + name));
    }
}
