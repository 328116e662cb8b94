package net.defarm.bootstrap.http.golden;

/** The service's own routes: what it is, and whether it and its store are healthy. */
final class SystemSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who anyone = s.anonymous();
        s.as(anyone).get("/");
        s.as(anyone).get("/health");
        // Without a database (the memory store) it answers 503: the one route whose golden is kept per store.
        s.as(anyone).perStore().get("/health/db");
    }
}
