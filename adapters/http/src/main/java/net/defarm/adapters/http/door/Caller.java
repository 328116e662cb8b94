package net.defarm.adapters.http.door;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import net.defarm.application.shared.Actor;

/**
 * The authenticated actor of a request, as the {@link Door} resolved it before the handler ran. Handlers never read
 * credentials themselves.
 */
public final class Caller {

    private Caller() {
    }

    /** The actor of a route that requires credentials (the door has already refused the request without them). */
    public static Actor of(ServerRequest req) {
        return optional(req).orElseThrow(() -> new IllegalStateException(
                "route " + req.prologue().method().text() + " " + req.path().path()
                        + " is public: it has no authenticated actor"));
    }

    /** The actor on a public route: empty for anonymous callers (public routes never look at credentials). */
    public static Optional<Actor> optional(ServerRequest req) {
        return req.context().get(Caller.class, Actor.class);
    }

    static void bind(ServerRequest req, Actor actor) {
        req.context().register(Caller.class, actor);
    }
}
