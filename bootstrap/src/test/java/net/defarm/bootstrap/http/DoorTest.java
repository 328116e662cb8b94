package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.defarm.adapters.http.door.Authenticator;
import net.defarm.adapters.http.door.Door;
import net.defarm.adapters.http.door.RouteSpec;
import net.defarm.adapters.http.fixture.RouteAroundTheDoor;
import net.defarm.adapters.http.support.ErrorBodies;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.memory.InMemoryUnitOfWork;
import net.defarm.adapters.memory.InMemoryUserAccountRepository;
import net.defarm.adapters.security.JwtTokenService;
import net.defarm.application.identity.Authenticate;
import net.defarm.bootstrap.http.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The door on its own: a route registered through it that the allow-list does not name is refused without
 * credentials, whatever its handler would do; a route registered around it answers anyone and is missing from the
 * catalogue the route-enumeration test reads (the architecture test's routes-through-the-door rule is what keeps
 * such a registration out of the real code).
 */
class DoorTest {

    private WebServer server;
    private ApiClient api;
    private final List<RouteSpec> catalogue = new ArrayList<>();

    @BeforeEach
    void start() {
        JwtTokenService tokens = new JwtTokenService(TestSettings.SECRET, Duration.ofHours(1),
                () -> Instant.now().truncatedTo(ChronoUnit.MICROS));
        Authenticate authenticate = new Authenticate(tokens,
                new InMemoryUserAccountRepository(new InMemoryUnitOfWork()));
        HttpRouting.Builder routing = HttpRouting.builder();
        ErrorBodies.register(routing, new HttpJson());
        HttpService forgotten = rules -> rules.get("/forgotten", (req, res) -> res.send("{\"open\":true}"));
        Door.over(routing, new Authenticator(authenticate), catalogue).register("/probe", forgotten);
        RouteAroundTheDoor.install(routing);
        server = WebServer.builder().host("127.0.0.1").port(0).routing(routing).build().start();
        // Its routes are test routes, not the API: the contract does not describe them.
        api = new ApiClient(server.port()).outsideTheContract();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aRouteThroughTheDoorThatTheAllowListDoesNotNameIsRefusedWithoutCredentials() {
        assertEquals(List.of(new RouteSpec("GET", "/probe/forgotten", false)), catalogue);
        Response r = api.get("/probe/forgotten", null);
        assertEquals(401, r.status(), r.body().toString());
        assertEquals("UNAUTHORIZED", r.text("code"));
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void aRouteAroundTheDoorIsOpenAndInvisibleToTheCatalogue() {
        assertEquals(200, api.get(RouteAroundTheDoor.PATH, null).status());
        assertTrue(catalogue.stream().noneMatch(r -> r.template().equals(RouteAroundTheDoor.PATH)),
                "only the architecture rule can see this route: " + catalogue);
    }
}
