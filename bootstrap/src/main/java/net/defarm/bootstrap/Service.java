package net.defarm.bootstrap;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import net.defarm.adapters.cache.CacheTier;
import net.defarm.adapters.http.HttpApi;
import net.defarm.adapters.security.BcryptPasswordHasher;
import net.defarm.adapters.security.JwtTokenService;
import net.defarm.application.shared.Clock;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.wiring.UseCases;

/**
 * The assembled service: picks the adapters the settings ask for, wires the use cases to them, and serves the
 * HTTP API with health and metrics. The only place that knows every adapter.
 */
public final class Service implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Service.class.getName());
    public static final String VERSION = "0.1.0";

    private final WebServer server;
    private final OpenedStorage storage;
    private final CacheMetrics cacheMetrics;

    private Service(WebServer server, OpenedStorage storage, CacheMetrics cacheMetrics) {
        this.server = server;
        this.storage = storage;
        this.cacheMetrics = cacheMetrics;
    }

    public static Service start(ServiceSettings settings) {
        long started = System.nanoTime();
        Clock clock = new SystemClock();
        OpenedStorage opened = OpenedStorage.open(settings);
        StoragePorts storage = opened.ports();
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(settings.bcryptCost());
        UseCases useCases = UseCases.create(storage, hasher,
                new JwtTokenService(settings.jwtSecret(), settings.tokenLifetime(), clock), clock);

        HttpRouting.Builder routing = HttpRouting.builder();
        if (settings.logRequests()) {
            routing.addFilter(new RequestLog());
        }
        HttpApi.register(routing, useCases, storage.health(), VERSION);

        WebServer server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                // Our JSON bridge enforces the 2 MiB API limit with a JSON 413; this is only a hard backstop.
                .maxPayloadSize(16L * 1024 * 1024)
                .shutdownGracePeriod(Duration.ofSeconds(10))
                .directHandlers(HttpApi.transportErrors())
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder().details(true)
                                .addCheck(() -> readiness(opened), HealthCheckType.READINESS, "store")
                                .build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .routing(routing)
                .build()
                .start();
        if (settings.jwtSecretGenerated()) {
            LOG.log(Level.WARNING, "JWT_SECRET is not set: generated a random secret for this process; "
                    + "tokens stop working when it exits");
        }
        if (settings.storageMode() == ServiceSettings.StorageMode.MEMORY) {
            LOG.log(Level.WARNING, "storage mode 'memory': data is held in this process only and is lost on exit");
        }
        LOG.log(Level.INFO, "DeFarm engines " + VERSION + " listening on http://" + displayHost(settings.host()) + ":"
                + server.port() + " (storage: " + settings.storageMode().key() + ", cache: "
                + settings.cache().kind().key() + ", started in "
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
        return new Service(server, opened, opened.cache() == null ? null : new CacheMetrics(opened.cache()));
    }

    private static HealthCheckResponse readiness(OpenedStorage storage) {
        OpenedStorage.Readiness readiness = storage.readiness().get();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(readiness.ready());
        readiness.details().forEach(response::detail);
        return response.build();
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") ? "localhost" : host;
    }

    public int port() {
        return server.port();
    }

    /** The cache tier's state, when there is one. */
    public Optional<CacheTier.Status> cacheStatus() {
        return Optional.ofNullable(storage.cache()).map(CacheTier::status);
    }

    /** Whether the store can serve requests (the readiness check's answer). */
    public boolean ready() {
        return storage.readiness().get().ready();
    }

    @Override
    public void close() {
        server.stop();
        if (cacheMetrics != null) {
            cacheMetrics.close();
        }
        try {
            storage.closer().close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing the store failed: " + e.getMessage());
        }
    }
}
