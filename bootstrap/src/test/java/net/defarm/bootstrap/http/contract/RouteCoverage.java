package net.defarm.bootstrap.http.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.defarm.adapters.http.docs.ApiContract;
import net.defarm.adapters.http.door.RouteSpec;

/**
 * Compares the routes the routing holds (from the door's catalogue) with the contract: every route is described
 * under its template and method, the contract describes no route that is not registered, and a route is public
 * exactly when its operation declares {@code security: []}.
 */
public final class RouteCoverage {

    private RouteCoverage() {
    }

    /** What is wrong, one line per route; empty when routing and contract agree. */
    public static List<String> problems(List<RouteSpec> routes, JsonNode document) {
        List<String> problems = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (RouteSpec route : routes) {
            JsonNode operation = paths.path(route.template()).path(route.method().toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                problems.add(route.method() + " " + route.template() + ": registered, but not in the contract");
            } else if (route.isPublic() == ApiContract.isSecured(operation)) {
                problems.add(route.method() + " " + route.template() + (route.isPublic()
                        ? ": public, but the contract requires credentials (declare security: [])"
                        : ": requires credentials, but the contract declares it public (security: [])"));
            }
        }
        Set<String> registered = routes.stream().map(r -> r.method() + " " + r.template()).collect(Collectors.toSet());
        paths.properties().forEach(path -> {
            for (String method : ApiContract.METHODS) {
                String route = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (path.getValue().has(method) && !registered.contains(route)) {
                    problems.add(route + ": in the contract, but no such route is registered");
                }
            }
        });
        return problems;
    }
}
