package net.defarm.adapters.http.door;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import net.defarm.application.identity.Authenticate;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.shared.Actor;

/** Resolves the actor of a request from its {@code Authorization: Bearer <token>} header. */
public final class Authenticator {

    private static final String BEARER = "Bearer ";

    private final Authenticate authenticate;

    public Authenticator(Authenticate authenticate) {
        this.authenticate = authenticate;
    }

    /** The authenticated actor; a 401 when there are no credentials or they are not valid. */
    public Actor require(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (header == null || header.isBlank()) {
            throw new AuthenticationException("Authentication required. Use JWT token or API key.");
        }
        if (!header.startsWith(BEARER) || header.length() == BEARER.length()) {
            throw new AuthenticationException("Authentication required: use 'Authorization: Bearer <token>'");
        }
        return authenticate.actorFor(header.substring(BEARER.length()).strip());
    }

    /**
     * The actor of a credential passed as the {@code token} query parameter: only the notifications WebSocket takes
     * one (a browser cannot set headers on a WebSocket), checked by the same use case as the header.
     */
    public Actor requireToken(String token) {
        if (token == null || token.isBlank()) {
            throw new AuthenticationException("Authentication required: pass the token as ?token=<token>");
        }
        return authenticate.actorFor(token.strip());
    }
}
