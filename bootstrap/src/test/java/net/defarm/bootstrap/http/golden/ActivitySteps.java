package net.defarm.bootstrap.http.golden;

/** Activity: the caller's circuits' feeds, and the caller's own activity log (cleanup by an administrator). */
final class ActivitySteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who keeper = s.user("keeper");
        Scene.Who stranger = s.user("stranger");
        String cid = s.api.post("/api/circuits", keeper.token(), "{\"name\":\"Feed\",\"description\":\"f\"}")
                .text("circuit_id");
        String dfid = s.api.post("/api/items", keeper.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":"
                + "\"FEED-1\"}]}").text("dfid");
        s.api.post("/api/circuits/" + cid + "/push/" + dfid, keeper.token(), "{}");
        s.as(keeper).get("/api/activities");
        s.as(keeper).get("/api/activities/user/{user_id}", keeper.id());
        s.as(keeper).expect(403).get("/api/activities/user/{user_id}", stranger.id());

        String entry = s.as(keeper).post("/api/user-activity", "{\"user_id\":\"" + stranger.id() + "\","
                + "\"workspace_id\":\"w\",\"activity_type\":\"export\",\"category\":\"items\",\"resource_type\":"
                + "\"item\",\"resource_id\":\"lot-7\",\"action\":\"export\",\"description\":\"Exported lot 7\","
                + "\"metadata\":{\"rows\":12}}").body().path("data").path("activity_id").asText();
        s.as(keeper).expect(400).post("/api/user-activity", "{\"activity_type\":\"dance\",\"category\":\"items\","
                + "\"resource_type\":\"item\",\"resource_id\":\"x\",\"action\":\"a\",\"description\":\"d\"}");
        s.as(keeper).get("/api/user-activity?category=items&search_query=LOT");
        s.as(keeper).get("/api/user-activity/stats?period_days=7");
        s.as(keeper).get("/api/user-activity/{activity_id}", entry);
        s.as(stranger).expect(404).get("/api/user-activity/{activity_id}", entry);
        s.as(keeper).expect(403).delete("/api/user-activity/cleanup?before_date=2000-01-01T00:00:00Z");
        s.service.useCases().admin().setup().createAdmin("golden-janitor", "golden-janitor@example.com",
                "Str0ng!Pass");
        net.defarm.bootstrap.http.ApiClient.Response login = s.api.post("/api/auth/login", null,
                "{\"username\":\"golden-janitor\",\"password\":\"Str0ng!Pass\"}");
        s.alias(login.text("user_id"), "<user:janitor>");
        Scene.Who janitor = s.credential("janitor", login.text("token"), login.text("user_id"));
        s.as(janitor).delete("/api/user-activity/cleanup?before_date=2000-01-01T00:00:00Z");
    }
}
