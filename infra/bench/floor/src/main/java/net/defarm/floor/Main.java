package net.defarm.floor;

import io.helidon.http.HeaderNames;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * The floor of the cold-start benchmark: what any Helidon SE service of ours pays before its first answer (JVM,
 * web server, health and metrics observers, one route), with nothing of the application. PORT and HOST come from
 * the environment, like the service's; the "listening on" line has the same shape.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        String host = System.getenv().getOrDefault("HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder().details(true).build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .routing(r -> r.get("/floor/{id}", (req, res) -> {
                    String id = req.path().pathParameters().get("id");
                    res.header(HeaderNames.CONTENT_TYPE, "application/json");
                    res.send("{\"id\":\"" + id.replace("\"", "") + "\",\"status\":\"Active\"}");
                }))
                .build()
                .start();
        System.out.println("floor listening on http://" + host + ":" + server.port());
    }
}
