package net.defarm.bootstrap.http.golden;

/** The forgotten password: the request (known, unknown, neither name), then the mailed token's reset. */
final class PasswordResetSteps implements Scenario.Steps {

    private static final String NEW_PASSWORD = "N3w!Passw0rd";

    @Override
    public void play(Scene s) {
        s.user("forgetful");
        Scene.Who anyone = s.anonymous();
        s.as(anyone).post("/api/auth/forgot-password", "{\"email\":\"golden-forgetful@example.com\"}");
        s.as(anyone).post("/api/auth/forgot-password", "{\"username\":\"golden-nobody\"}");
        s.as(anyone).expect(400).post("/api/auth/forgot-password", "{}");
        String token = s.mailedResetToken("golden-forgetful@example.com");
        s.as(anyone).expect(400).post("/api/auth/reset-password", "{\"token\":\"" + "0".repeat(64)
                + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}");
        s.as(anyone).post("/api/auth/reset-password", "{\"token\":\"" + token + "\",\"new_password\":\""
                + NEW_PASSWORD + "\"}");
        s.as(anyone).expect(400).post("/api/auth/reset-password", "{\"token\":\"" + token
                + "\",\"new_password\":\"An0ther!Pass\"}");
    }
}
