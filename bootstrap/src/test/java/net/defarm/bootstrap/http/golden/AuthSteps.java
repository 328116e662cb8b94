package net.defarm.bootstrap.http.golden;

import net.defarm.bootstrap.http.ApiClient.Response;

/** Signing up, signing in, the profile and a token's refresh. */
final class AuthSteps implements Scenario.Steps {

    private static final String ALICE = "{\"username\":\"golden-alice\",\"email\":\"golden-alice@example.com\","
            + "\"password\":\"Str0ng!Pass\"}";

    @Override
    public void play(Scene s) {
        Scene.Who anyone = s.anonymous();
        Response registered = s.as(anyone).post("/api/auth/register", ALICE);
        s.alias(registered.text("user_id"), "<user:alice>");
        s.as(anyone).expect(409).post("/api/auth/register", ALICE);
        s.as(anyone).post("/api/auth/login", "{\"username\":\"golden-alice\",\"password\":\"Str0ng!Pass\"}");
        s.as(anyone).expect(401).post("/api/auth/login", "{\"username\":\"golden-alice\",\"password\":\"wrong\"}");
        Scene.Who alice = s.credential("alice", registered.text("token"), registered.text("user_id"));
        s.as(alice).get("/api/auth/profile");
        s.as(anyone).expect(401).get("/api/auth/profile");
        s.as(alice).post("/api/auth/refresh", "{}");
    }
}
