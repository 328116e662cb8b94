package net.defarm.adapters.http.support;

import io.helidon.webserver.http.ServerRequest;
import net.defarm.application.shared.Actor;

/**
 * Who a group of routes serves: signed-in users (credentials required, 401 otherwise) or anyone (credentials are
 * not even looked at, and the use cases receive no actor). The same routes can then be mounted twice, once under
 * {@code /api/...} and once under {@code /api/public/...}.
 */
public sealed interface Audience {

    /** The caller, or {@code null} for an anonymous audience. */
    Actor actor(ServerRequest req);

    boolean isAnonymous();

    static Audience signedIn(Authenticator auth) {
        return new SignedIn(auth);
    }

    static Audience anyone() {
        return new Anyone();
    }

    record SignedIn(Authenticator auth) implements Audience {
        @Override
        public Actor actor(ServerRequest req) {
            return auth.require(req);
        }

        @Override
        public boolean isAnonymous() {
            return false;
        }
    }

    record Anyone() implements Audience {
        @Override
        public Actor actor(ServerRequest req) {
            return null;
        }

        @Override
        public boolean isAnonymous() {
            return true;
        }
    }
}
