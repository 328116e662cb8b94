package net.defarm.bootstrap.http.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.List;
import net.defarm.adapters.http.door.Authenticator;
import net.defarm.adapters.http.door.Door;
import net.defarm.adapters.http.door.RouteSpec;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.StoreMode;
import org.junit.jupiter.api.Test;

/**
 * The contract describes exactly the routes the routing holds (from the door's catalogue, never a hand-kept list),
 * each as public or secured as the door serves it; and the check does catch a route missing from the contract, a
 * described route that does not exist, and a wrong security declaration.
 */
class ContractCoverageTest extends RunningService {


    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }

    @Test
    void theContractDescribesExactlyTheRegisteredRoutes() {
        assertTrue(service.routes().size() > 50, service.routes().toString());
        assertEquals(List.of(), RouteCoverage.problems(service.routes(), ContractDocument.SERVED.document()));
    }

    @Test
    void aRouteRegisteredInATestRoutingButNotDescribedIsReported() {
        List<RouteSpec> catalogue = new ArrayList<>();
        HttpRouting.Builder routing = HttpRouting.builder();
        HttpService items = rules -> rules.get("/{dfid}", (req, res) -> res.send("{}"))
                .get("/undocumented", (req, res) -> res.send("{}"));
        Door.over(routing, new Authenticator(null), catalogue).register("/api/items", items);
        routing.build();
        assertEquals(2, catalogue.size(), catalogue.toString());

        List<String> problems = RouteCoverage.problems(catalogue, ContractDocument.SERVED.document());
        assertTrue(problems.contains("GET /api/items/undocumented: registered, but not in the contract"),
                String.join("\n", problems));
        assertTrue(problems.stream().noneMatch(p -> p.startsWith("GET /api/items/{dfid}:")), problems.toString());
    }

    @Test
    void aDescribedRouteThatIsNotRegisteredIsReported() {
        List<RouteSpec> withoutOne = service.routes().stream()
                .filter(r -> !(r.method().equals("DELETE") && r.template().equals("/api/items/{dfid}"))).toList();
        assertEquals(List.of("DELETE /api/items/{dfid}: in the contract, but no such route is registered"),
                RouteCoverage.problems(withoutOne, ContractDocument.SERVED.document()));
    }

    @Test
    void aSecurityDeclarationThatDiffersFromTheDoorIsReported() {
        List<RouteSpec> flipped = service.routes().stream().map(r -> r.template().equals("/health")
                || r.template().equals("/api/auth/profile") ? new RouteSpec(r.method(), r.template(), !r.isPublic())
                : r).toList();
        assertEquals(List.of(
                "GET /api/auth/profile: public, but the contract requires credentials (declare security: [])",
                "GET /health: requires credentials, but the contract declares it public (security: [])"),
                RouteCoverage.problems(flipped, ContractDocument.SERVED.document()).stream().sorted().toList());
    }
}
