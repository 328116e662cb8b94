package net.defarm.bootstrap.http.golden;

/** Recording events (on items and local ones), reading them by item, type, visibility and time, adding metadata. */
final class EventSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who grower = s.user("grower");
        String main = s.get("item.main");
        String vaccine = "{\"dfid\":\"" + main + "\",\"event_type\":\"enriched\",\"visibility\":\"public\","
                + "\"metadata\":{\"vaccine\":\"aftosa\"}}";
        String event = s.as(grower).post("/api/events", vaccine).text("event_id");
        s.put("event.public", event);
        s.as(grower).post("/api/events", vaccine);
        s.as(grower).post("/api/events", "{\"dfid\":\"" + main + "\",\"event_type\":\"updated\","
                + "\"visibility\":\"private\",\"metadata\":{\"price\":\"secret\"}}");
        s.as(grower).expect(400).post("/api/events", "{\"dfid\":\"" + main + "\",\"event_type\":\"teleported\","
                + "\"visibility\":\"public\"}");
        String local = s.as(grower).post("/api/events/local", "{\"event_type\":\"updated\",\"visibility\":"
                + "\"private\",\"metadata\":{\"note\":\"weighed\"}}").text("local_event_id");
        s.put("event.local", local);
        s.as(grower).get("/api/events/local/{local_event_id}", local);

        s.as(grower).get("/api/events/item/{dfid}", main);
        s.as(grower).get("/api/events/type/{event_type}", "enriched");
        s.as(grower).get("/api/events/visibility/{visibility}?limit=1", "private");
        s.as(grower).get("/api/events/timeline?event_type=updated");
        s.as(grower).get("/api/events/public");
        s.as(grower).get("/api/events/private");
        s.as(grower).get("/api/events/{event_id}", event);
        s.as(s.user("stranger")).expect(404).get("/api/events/{event_id}",
                s.api.get("/api/events/private", grower.token()).body().path(0).path("event_id").asText());
        s.as(grower).post("/api/events/{event_id}/metadata", "{\"checked_by\":\"vet\"}", event);
    }
}
