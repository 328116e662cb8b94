package net.defarm.adapters.http;

import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import net.defarm.adapters.http.events.EventRoutes;
import net.defarm.adapters.http.identity.AuthRoutes;
import net.defarm.adapters.http.items.ItemRoutes;
import net.defarm.adapters.http.support.Authenticator;
import net.defarm.adapters.http.support.ErrorBodies;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.system.SystemRoutes;
import net.defarm.application.events.EventUseCases;
import net.defarm.application.identity.IdentityUseCases;
import net.defarm.application.items.ItemUseCases;
import net.defarm.application.shared.StoreHealth;

/** The whole HTTP API: every route on its reference path, one error shape, and the inbound ports it calls. */
public final class HttpApi {

    /** The use cases the API exposes. */
    public record UseCases(IdentityUseCases identity, ItemUseCases items, EventUseCases events,
                           StoreHealth storeHealth) {
    }

    private HttpApi() {
    }

    /** JSON error bodies for requests the server refuses before routing them. */
    public static DirectHandlers transportErrors() {
        return ErrorBodies.transportErrors();
    }

    public static void register(HttpRouting.Builder routing, UseCases useCases, String version) {
        HttpJson json = new HttpJson();
        Authenticator auth = new Authenticator(useCases.identity().authenticate());
        ErrorBodies.register(routing, json);
        routing.register("/api/auth", new AuthRoutes(useCases.identity(), auth, json))
                .register("/api/items", new ItemRoutes(useCases.items(), auth, json))
                .register("/api/events", new EventRoutes(useCases.events(), auth, json))
                .register("/", new SystemRoutes(useCases.storeHealth(), json, version));
    }
}
