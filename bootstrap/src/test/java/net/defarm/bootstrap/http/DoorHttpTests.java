package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.adapters.http.door.PublicRoutes;
import net.defarm.adapters.http.door.RouteSpec;
import net.defarm.bootstrap.http.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * Every route the routing really holds (from {@code Service.routes()}, never a hand-kept list): each non-public one
 * refuses a caller without valid credentials with a JSON 401 before its handler runs, each public one answers
 * anonymous callers, and the allow-list names only routes that exist. Abstract: each storage mode runs it.
 */
public abstract class DoorHttpTests extends RunningService {

    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");

    /** Syntactically valid values per path parameter, so a refusal can only come from the door. */
    private static final Map<String, String> SAMPLES = Map.of(
            "dfid", "DFID-20250101-000001-F7BD",
            "event_type", "created",
            "visibility", "public",
            "role_name", "auditor",
            "key", "sisbov",
            "value", "BR123456789012");

    private List<RouteSpec> routes() {
        return service.routes();
    }

    private static String concrete(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, SAMPLES.getOrDefault(m.group(1), UUID.randomUUID().toString()));
        }
        m.appendTail(path);
        return path.toString();
    }

    private Response call(RouteSpec route, String token) {
        boolean withBody = List.of("POST", "PUT", "PATCH").contains(route.method());
        return api.raw(route.method(), concrete(route.template()), token, withBody ? "application/json" : null,
                withBody ? "{}".getBytes(StandardCharsets.UTF_8) : null);
    }

    /** A well-formed HS256 token with our claims, signed with a key the service does not hold. */
    private static String signedByAnotherKey() {
        Instant now = Instant.now();
        return JWT.create()
                .withClaim("user_id", UUID.randomUUID().toString())
                .withClaim("workspace_id", "default")
                .withIssuedAt(now)
                .withExpiresAt(now.plus(Duration.ofHours(1)))
                .sign(Algorithm.HMAC256("another-key-that-is-also-at-least-32-bytes".getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(RouteSpec route, Response r, String code, String how) {
        assertEquals(401, r.status(), route + " " + how + ": " + r.body());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"), route + " " + how);
        assertEquals(code, r.text("code"), route + " " + how + ": " + r.body());
        assertFalse(r.text("error").isBlank(), route + " " + how);
    }

    @Test
    void theCatalogueHoldsTheRealRoutes() {
        assertTrue(routes().size() > 50, routes().toString());
        assertTrue(routes().contains(new RouteSpec("GET", "/api/items/{dfid}", false)), routes().toString());
        assertTrue(routes().contains(new RouteSpec("POST", "/api/circuits/{id}/push/{dfid}", false)));
        assertTrue(routes().contains(new RouteSpec("POST", "/api/auth/login", true)));
        assertEquals(routes().size(), routes().stream().map(r -> r.method() + " " + r.template()).distinct().count(),
                "no route is registered twice");
    }

    @Test
    void everyAllowListEntryIsARegisteredPublicRoute() {
        List<String> registered = routes().stream().filter(RouteSpec::isPublic)
                .map(r -> r.method() + " " + r.template()).toList();
        for (String allowed : PublicRoutes.all()) {
            assertTrue(registered.contains(allowed), "stale allow-list line: " + allowed);
        }
        assertEquals(PublicRoutes.all().size(), registered.size());
    }

    @Test
    void everyNonPublicRouteRefusesAnonymousForeignAndGarbageCredentials() {
        String foreign = signedByAnotherKey();
        List<RouteSpec> guarded = routes().stream().filter(r -> !r.isPublic()).toList();
        assertFalse(guarded.isEmpty());
        for (RouteSpec route : guarded) {
            assertRefused(route, call(route, null), "UNAUTHORIZED", "without credentials");
            assertRefused(route, call(route, foreign), "INVALID_TOKEN", "with a token signed by another key");
            assertRefused(route, call(route, "not.a-token"), "INVALID_TOKEN", "with a garbage bearer");
        }
    }

    @Test
    void everyPublicRouteAnswersAnonymousCallers() {
        List<RouteSpec> open = routes().stream().filter(RouteSpec::isPublic).toList();
        assertFalse(open.isEmpty());
        for (RouteSpec route : open) {
            Response r = call(route, null);
            assertNotEquals(401, r.status(), route + ": " + r.body());
            // Its handler answered (a 404 for an unknown id, a 503 from /health/db on the memory store), never a crash.
            assertNotEquals(500, r.status(), route + ": " + r.body());
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"), route.toString());
        }
    }

    /**
     * Routes match in registration order: a request must reach the route written for it, not an earlier one whose
     * parameters also match it (for example {@code /api/items/{dfid}} catching {@code /api/items/pending}).
     */
    @Test
    void noRouteIsShadowedByAnEarlierOne() {
        List<String> shadowed = new ArrayList<>();
        for (RouteSpec route : routes()) {
            String[] path = concrete(route.template()).split("/", -1);
            RouteSpec first = routes().stream()
                    .filter(r -> r.method().equals(route.method()) && matches(r.template(), path))
                    .findFirst().orElseThrow();
            if (!first.equals(route)) {
                shadowed.add(route + " is caught by " + first);
            }
        }
        assertEquals(List.of(), shadowed);
    }

    private static boolean matches(String template, String[] path) {
        String[] segments = template.split("/", -1);
        if (segments.length != path.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (!PARAM.matcher(segments[i]).matches() && !segments[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }
}
