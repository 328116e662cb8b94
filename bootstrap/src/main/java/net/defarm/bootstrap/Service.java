package net.defarm.bootstrap;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.defarm.adapters.cache.CacheTier;
import net.defarm.adapters.cache.CaffeineRecentCredentials;
import net.defarm.adapters.http.HttpApi;
import net.defarm.adapters.http.door.RouteSpec;
import net.defarm.adapters.security.BcryptPasswordHasher;
import net.defarm.adapters.security.JwtTokenService;
import net.defarm.application.identity.LocalRateLimiter;
import net.defarm.application.identity.RateLimiter;
import net.defarm.application.identity.RecentCredentials;
import net.defarm.application.shared.Clock;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.system.SystemStatus;
import net.defarm.application.wiring.UseCases;

/**
 * The assembled service: picks the adapters the settings ask for, wires the use cases to them, and serves the
 * HTTP API with health and metrics. The only place that knows every adapter.
 */
public final class Service implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Service.class.getName());
    public static final String VERSION = "0.1.0";
    /** Accounts, and keys, kept at most by recent credentials: a few MB, far more callers than one instance serves. */
    private static final int RECENT_CREDENTIALS = 10_000;

    private final WebServer server;
    private final OpenedStorage storage;
    private final CacheMetrics cacheMetrics;
    private final ServiceMetrics metrics;
    private final OutboxDispatcher dispatcher;
    private final OutboxDispatcher.Adapters delivery;

    private final List<RouteSpec> routes;
    private final KeyUsageFlusher keyUsage;
    private final UseCases useCases;

    private Service(WebServer server, OpenedStorage storage, CacheMetrics cacheMetrics, ServiceMetrics metrics,
                    List<RouteSpec> routes, OutboxDispatcher dispatcher, OutboxDispatcher.Adapters delivery,
                    KeyUsageFlusher keyUsage, UseCases useCases) {
        this.useCases = useCases;
        this.server = server;
        this.dispatcher = dispatcher;
        this.delivery = delivery;
        this.keyUsage = keyUsage;
        this.routes = routes;
        this.storage = storage;
        this.cacheMetrics = cacheMetrics;
        this.metrics = metrics;
    }

    /** The application this service runs: for the console's work in-process (and tests acting as the operator). */
    public UseCases useCases() {
        return useCases;
    }

    /** Every API route as the routing holds it (method, full path template, public or not). */
    public List<RouteSpec> routes() {
        return routes;
    }

    public static Service start(ServiceSettings settings) {
        return start(settings, System.nanoTime());
    }

    /**
     * When this JVM started, on the {@link System#nanoTime()} scale: {@code main} measures start-up from there, so
     * the reported time is what a caller of a cold instance waits, and not the time of a script that ran before.
     */
    static long jvmStartNanos() {
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        return System.nanoTime() - Duration.ofMillis(sinceStart).toNanos();
    }

    /**
     * Starts the service; {@code originNanos} is when start-up began ({@link System#nanoTime()} scale). A failure
     * (the port in use, the store that cannot be loaded) closes what was opened and throws with one clear message.
     */
    public static Service start(ServiceSettings settings, long originNanos) {
        Clock clock = new SystemClock();
        OpenedStorage opened = OpenedStorage.open(settings);
        try {
            return assemble(settings, originNanos, opened, clock);
        } catch (RuntimeException e) {
            try {
                opened.closer().close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static Service assemble(ServiceSettings settings, long originNanos, OpenedStorage opened, Clock clock) {
        StoragePorts storage = settings.contentStore().apply(opened.ports());
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(settings.bcryptCost());
        OutboxDispatcher.Adapters delivery = OutboxDispatcher.adapters(settings.delivery(), settings.accounts());
        // Key limits and sign-in/reset throttles are shared through Redis when the cache tier has it, counted per
        // instance otherwise.
        RateLimiter limiter = Optional.ofNullable(opened.cache()).flatMap(CacheTier::sharedRateLimiter)
                .orElseGet(LocalRateLimiter::new);
        UseCases useCases = UseCases.create(storage, hasher,
                new JwtTokenService(settings.jwtSecret(), settings.tokenLifetime(), clock), clock, delivery.ports(),
                settings.delivery().policy(), limiter, settings.apiKeys().defaultRateLimitPerHour(),
                settings.accounts().policy(), settings.creditsEnforce(), settings.auditEnabled(),
                recentCredentials(settings.accounts().freshness()));
        RequestTimer timer = new RequestTimer();

        // Outermost, so that the timer and the log have finished when it closes the connection.
        HttpRouting.Builder routing = HttpRouting.builder().addFilter(new ConnectionClose()).addFilter(timer);
        if (settings.logRequests()) {
            routing.addFilter(new RequestLog());
        }
        List<RouteSpec> routes = HttpApi.register(routing, useCases, new SystemStatus(storage.health()), VERSION,
                settings.apiKeys().trustedProxies());

        Warnings warnings = new Warnings();
        WebServerConfig.Builder builder = WebServer.builder();
        HttpApi.documentation().forEach(builder::addFeature);
        WebServer server = ServerStart.start(builder
                .host(settings.host())
                .port(settings.port())
                // Our JSON bridge enforces the 2 MiB API limit with a JSON 413; this is only a hard backstop.
                .maxPayloadSize(16L * 1024 * 1024)
                // Stopping is ours (close): drain requests first, then close the pools they use.
                .shutdownHook(false)
                // How long a stop waits for requests in flight (idle keep-alive connections also hold it that long).
                .shutdownGracePeriod(settings.shutdownGrace())
                .directHandlers(HttpApi.transportErrors())
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder().details(true)
                                .addCheck(() -> readiness(opened, warnings), HealthCheckType.READINESS, "store")
                                .build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .routing(routing)
                .addRouting(HttpApi.webSockets(useCases))
                .build(), settings.host(), settings.port());
        Duration startup = Duration.ofNanos(System.nanoTime() - originNanos);
        Thresholds thresholds = new Thresholds(settings.storageMode() != ServiceSettings.StorageMode.POSTGRES,
                () -> storage.health().storedItems(), startup);
        warnings.thresholds = thresholds;
        ServiceMetrics metrics = new ServiceMetrics(settings, storage.health(), opened.pool(), startup, thresholds);
        timer.metrics = metrics;
        if (settings.jwtSecretGenerated()) {
            LOG.log(Level.WARNING, "JWT_SECRET is not set: generated a random secret for this process; "
                    + "tokens stop working when it exits");
        }
        if (settings.storageMode() == ServiceSettings.StorageMode.MEMORY) {
            LOG.log(Level.WARNING, "storage mode 'memory': data is held in this process only and is lost on exit");
        }
        LOG.log(Level.INFO, "DeFarm engines " + VERSION + " listening on http://" + displayHost(settings.host()) + ":"
                + server.port() + " (storage: " + settings.storageMode().key() + ", cache: "
                + settings.cache().kind().key() + ", started in " + startup.toMillis() + " ms)");
        if (settings.accounts().transport() == AccountSettings.Transport.LOG
                && settings.storageMode() != ServiceSettings.StorageMode.MEMORY) {
            LOG.log(Level.WARNING, "MAIL_TRANSPORT is 'log': mail (password reset links) is written to the log, not "
                    + "sent; set MAIL_TRANSPORT=smtp and MAIL_SMTP_HOST to send it");
        }
        if (settings.delivery().keySource().equals("derived")) {
            LOG.log(Level.WARNING, "WEBHOOK_SECRET_KEY is not set: webhook secrets are sealed with a key derived from "
                    + "JWT_SECRET; set WEBHOOK_SECRET_KEY before rotating JWT_SECRET");
        }
        thresholds.evaluate();
        OutboxDispatcher dispatcher = settings.delivery().dispatcherEnabled()
                ? OutboxDispatcher.start(useCases.delivery().dispatch(), settings.delivery().pollInterval()) : null;
        return new Service(server, opened, opened.cache() == null ? null : new CacheMetrics(opened.cache()), metrics,
                routes, dispatcher, delivery,
                new KeyUsageFlusher(useCases.access().usage(), settings.apiKeys().usageFlushInterval()), useCases);
    }

    /** Accounts and keys of recent requests, kept for at most {@code window} (AUTH_FRESHNESS_MS; ADR 0023). */
    private static RecentCredentials recentCredentials(Duration window) {
        return window.isZero() ? RecentCredentials.none() : new CaffeineRecentCredentials(window, RECENT_CREDENTIALS);
    }

    /** The thresholds are known once the server is up; until then there is nothing to warn about. */
    private static final class Warnings {
        private volatile Thresholds thresholds;

        List<String> now() {
            Thresholds t = thresholds;
            return t == null ? List.of() : t.evaluate();
        }
    }

    /** Times requests once the metrics exist (they need the start-up time, known only after the server started). */
    private static final class RequestTimer implements Filter {
        private volatile ServiceMetrics metrics;

        @Override
        public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
            ServiceMetrics m = metrics;
            if (m == null) {
                chain.proceed();
            } else {
                m.time(chain, req, res);
            }
        }
    }

    private static HealthCheckResponse readiness(OpenedStorage storage, Warnings warnings) {
        OpenedStorage.Readiness readiness = storage.readiness().get();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(readiness.ready());
        readiness.details().forEach(response::detail);
        List<String> crossed = warnings.now();
        if (!crossed.isEmpty()) {
            response.detail("warnings", String.join("; ", crossed));
        }
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

    /** The store this service runs on (operator commands and test fixtures, such as creating an administrator). */
    public StoragePorts storage() {
        return storage.ports();
    }

    /** Statements sent to PostgreSQL so far by this instance (empty in memory mode): what a request costs. */
    public OptionalLong statementCount() {
        return storage.statements() == null ? OptionalLong.empty() : OptionalLong.of(storage.statements().getAsLong());
    }

    /** Writes the API-key usage counted so far now, instead of at the next interval. */
    public void flushKeyUsage() {
        keyUsage.flush();
    }

    /** Whether the store can serve requests (the readiness check's answer). */
    public boolean ready() {
        return storage.readiness().get().ready();
    }

    /**
     * Stops gracefully: the server stops accepting and waits for requests in flight (up to its grace period),
     * then the metrics and the store's pools are closed.
     */
    @Override
    public void close() {
        server.stop();
        if (dispatcher != null) {
            dispatcher.close();
        }
        delivery.close();
        // After the server stopped (no more keyed requests), before the store closes.
        keyUsage.close();
        metrics.close();
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
