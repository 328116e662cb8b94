package net.defarm.adapters.http.door;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Set;
import net.defarm.adapters.http.support.ErrorBodies;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * The door of the WebSocket upgrades. Helidon hands an upgrade request to the WebSocket routing after the HTTP
 * filters but without any HTTP route, so the {@link Door} never sees it: this filter authenticates it instead, with
 * the same {@link Authenticator} (credential in {@code ?token=}, because browsers cannot set headers on a
 * WebSocket). A refused upgrade gets the door's JSON 401 (or 403 for a suspended account) and no socket; an
 * accepted one proceeds to the endpoint, which checks the token again as it opens the socket.
 */
public final class UpgradeGate implements Filter {

    private final Authenticator authenticator;
    private final Set<String> paths;
    private final HttpJson json;

    /** A gate over the upgrade requests to {@code paths} (the WebSocket endpoints, exactly as routed). */
    public UpgradeGate(Authenticator authenticator, Set<String> paths, HttpJson json) {
        this.authenticator = authenticator;
        this.paths = Set.copyOf(paths);
        this.json = json;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (isWebSocketUpgrade(req) && paths.contains(req.path().path())) {
            // Answered here rather than thrown, so that the filters around this one (the request log) see the status.
            // Other failures (the store unavailable) are thrown to the routing's error handlers.
            try {
                authenticator.requireToken(req.query().first("token").orElse(null), req.path().absolute().path(),
                        authenticator.clientAddress(req));
            } catch (AuthenticationException e) {
                ErrorBodies.send(json, res, Status.UNAUTHORIZED_401, e.getMessage(), e.code());
                return;
            } catch (PermissionDeniedException e) {
                ErrorBodies.send(json, res, Status.FORBIDDEN_403, e.getMessage(), e.code());
                return;
            }
        }
        chain.proceed();
    }

    private static boolean isWebSocketUpgrade(RoutingRequest req) {
        return req.headers().first(HeaderNames.UPGRADE).map(v -> v.equalsIgnoreCase("websocket")).orElse(false);
    }
}
