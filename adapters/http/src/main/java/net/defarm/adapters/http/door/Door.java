package net.defarm.adapters.http.door;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import net.defarm.application.audit.AuditTrail;
import net.defarm.application.identity.RateLimitExceededException;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.KeyScope;

/**
 * The one door every API route is registered through. It wraps each handler so that the caller is authenticated
 * before the handler runs (unless {@link PublicRoutes} lists the route), hands the actor over through
 * {@link Caller}, and records the route, so tests enumerate what the routing really holds. Route forms whose path
 * the door cannot see are refused at start-up, so no route can slip past it.
 */
public final class Door implements HttpRules {

    private static final HeaderName LIMIT = HeaderNames.create("X-RateLimit-Limit");
    private static final HeaderName REMAINING = HeaderNames.create("X-RateLimit-Remaining");
    private static final HeaderName RESET = HeaderNames.create("X-RateLimit-Reset");

    private final HttpRules rules;
    private final Authenticator authenticator;
    private final String prefix;
    private final List<RouteSpec> catalogue;
    private final DoorAudit audit;

    private Door(HttpRules rules, Authenticator authenticator, String prefix, List<RouteSpec> catalogue,
                 DoorAudit audit) {
        this.rules = rules;
        this.authenticator = authenticator;
        this.prefix = prefix;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** A door that records no audit trail (tests of the door and of the contract alone). */
    public static Door over(HttpRules rules, Authenticator authenticator, List<RouteSpec> catalogue) {
        return over(rules, authenticator, catalogue, new AuditTrail(null, null, null, false));
    }

    /**
     * A door over the routing's rules; {@code catalogue} receives every route registered through it. Every request
     * runs in the audit trail's scope (its origin), and refusals (401, 403, 429) are recorded.
     */
    public static Door over(HttpRules rules, Authenticator authenticator, List<RouteSpec> catalogue,
                            AuditTrail trail) {
        return new Door(rules, authenticator, "", catalogue, new DoorAudit(trail, authenticator));
    }

    @Override
    public HttpRules register(HttpService... services) {
        return register("/", services);
    }

    @Override
    public HttpRules register(String path, HttpService... services) {
        String nested = join(prefix, path);
        HttpService[] guarded = Arrays.stream(services)
                .map(service -> (HttpService) inner -> service.routing(
                        new Door(inner, authenticator, nested, catalogue, audit)))
                .toArray(HttpService[]::new);
        rules.register(path, guarded);
        return this;
    }

    @Override
    public HttpRules route(Method method, String pathPattern, Handler handler) {
        String template = join(prefix, pathPattern);
        boolean open = PublicRoutes.isPublic(method.text(), template);
        catalogue.add(new RouteSpec(method.text(), template, open));
        rules.route(method, pathPattern, audit.around(open ? handler : authenticated(handler), method.text(),
                template));
        return this;
    }

    private Handler authenticated(Handler handler) {
        return (req, res) -> {
            Actor actor;
            try {
                actor = authenticator.require(req);
            } catch (RateLimitExceededException e) {
                limitHeaders(res, e.limit(), 0, e.resetEpochSecond());
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
                throw e;
            }
            Caller.bind(req, actor);
            KeyScope key = actor.keyScope().orElse(null);
            if (key == null) {
                handler.handle(req, res);
                return;
            }
            limitHeaders(res, key.limit(), key.remaining(), key.resetEpochSecond());
            long start = System.nanoTime();
            boolean failed = true;
            try {
                handler.handle(req, res);
                failed = res.status().code() >= 400;
            } finally {
                authenticator.finished(key.keyId(), failed, (System.nanoTime() - start) / 1_000_000);
            }
        };
    }

    /** The key's hourly window, on every response to a keyed request. */
    private static void limitHeaders(ServerResponse res, int limit, int remaining, long resetEpochSecond) {
        res.header(LIMIT, String.valueOf(limit));
        res.header(REMAINING, String.valueOf(remaining));
        res.header(RESET, String.valueOf(resetEpochSecond));
    }

    @Override
    public HttpRules route(HttpRoute route) {
        throw unseen();
    }

    @Override
    public HttpRules route(Predicate<Method> methodPredicate, PathMatcher pathMatcher, Handler handler) {
        throw unseen();
    }

    @Override
    public HttpRules route(Method method, PathMatcher pathMatcher, Handler handler) {
        throw unseen();
    }

    @Override
    public HttpRules route(Method method, Handler handler) {
        throw unseen();
    }

    private static IllegalStateException unseen() {
        return new IllegalStateException("register routes with a method and a path template, so the door sees them");
    }

    static String join(String prefix, String path) {
        String joined = (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                + (path.startsWith("/") ? path : "/" + path);
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /**
     * A read-only view of the catalogue. Helidon calls each service's {@code routing} when the server is built, not
     * when it is registered, so the view fills then: read it once the server has started.
     */
    public static List<RouteSpec> view(List<RouteSpec> catalogue) {
        return Collections.unmodifiableList(catalogue);
    }
}
