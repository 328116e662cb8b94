package net.defarm.bootstrap.http.golden;

/**
 * The notification inbox (the circuit owner's, filled by the join requests of {@link CircuitMemberSteps}), and
 * the plain-HTTP answer of the WebSocket path (its socket has its own suites).
 */
final class NotificationSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who owner = s.user("coop-owner");
        String first = s.as(owner).get("/api/notifications").body().path("data").path(0).path("id").asText();
        s.as(owner).get("/api/notifications/unread-count");
        s.as(owner).patch("/api/notifications/{id}/read", "{}", first);
        s.as(s.user("stranger")).expect(404).patch("/api/notifications/{id}/read", "{}", first);
        s.as(owner).patch("/api/notifications/mark-all-read", "{}");
        s.as(owner).delete("/api/notifications/{id}", first);
        s.as(owner).expect(426).get("/api/notifications/ws");
    }
}
