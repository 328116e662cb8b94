package net.defarm.adapters.http;

import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import net.defarm.adapters.http.circuits.CircuitRoutes;
import net.defarm.adapters.http.events.EventRoutes;
import net.defarm.adapters.http.identity.AuthRoutes;
import net.defarm.adapters.http.integrity.SnapshotRoutes;
import net.defarm.adapters.http.items.ItemRoutes;
import net.defarm.adapters.http.notifications.NotificationRoutes;
import net.defarm.adapters.http.proofs.MerkleRoutes;
import net.defarm.adapters.http.support.Audience;
import net.defarm.adapters.http.support.Authenticator;
import net.defarm.adapters.http.support.ErrorBodies;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.system.SystemRoutes;
import net.defarm.application.shared.StoreHealth;
import net.defarm.application.wiring.UseCases;

/** The whole HTTP API: every route on its reference path, one error shape, and the inbound ports it calls. */
public final class HttpApi {

    private HttpApi() {
    }

    /** JSON error bodies for requests the server refuses before routing them. */
    public static DirectHandlers transportErrors() {
        return ErrorBodies.transportErrors();
    }

    public static void register(HttpRouting.Builder routing, UseCases useCases, StoreHealth storeHealth,
                                String version) {
        HttpJson json = new HttpJson();
        Authenticator auth = new Authenticator(useCases.identity().authenticate());
        ErrorBodies.register(routing, json);
        routing.register("/api/auth", new AuthRoutes(useCases.identity(), auth, json))
                .register("/api/items", new ItemRoutes(useCases.items(), auth, json))
                .register("/api/events", new EventRoutes(useCases.events(), auth, json))
                .register("/api/circuits", new CircuitRoutes(useCases.circuits(), auth, json))
                .register("/api/notifications", new NotificationRoutes(useCases.notifications(), auth, json))
                .register("/api/merkle", new MerkleRoutes(useCases.proofs(), Audience.signedIn(auth), json))
                .register("/api/public/merkle", new MerkleRoutes(useCases.proofs(), Audience.anyone(), json))
                .register("/api/public/snapshots/items", new SnapshotRoutes(useCases.snapshots(),
                        Audience.anyone(), json))
                // The reference serves snapshots at the root, without the /api prefix.
                .register("/items", new SnapshotRoutes(useCases.snapshots(), Audience.signedIn(auth), json))
                .register("/", new SystemRoutes(storeHealth, json, version));
    }
}
