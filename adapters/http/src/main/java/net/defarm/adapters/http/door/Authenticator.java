package net.defarm.adapters.http.door;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.identity.KeyUsage;
import net.defarm.application.identity.Authenticate;
import net.defarm.application.identity.AuthenticationException;
import net.defarm.application.shared.Actor;
import net.defarm.domain.access.ApiKey;

/**
 * Resolves the actor of a request from its credentials: {@code X-API-Key: dfm_…}, {@code Authorization: Bearer
 * dfm_…} (an API key) or {@code Authorization: Bearer <jwt>}. The use case decides; this class only reads headers
 * and the client address ({@code X-Forwarded-For} counts only when the connection comes from a trusted proxy).
 */
public final class Authenticator {

    private static final String BEARER = "Bearer ";
    static final HeaderName API_KEY = HeaderNames.create("X-API-Key");
    private static final HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    private final Authenticate authenticate;
    private final KeyUsage usage;
    private final Set<String> trustedProxies;

    public Authenticator(Authenticate authenticate) {
        this(authenticate, null, List.of());
    }

    /** {@code usage} counts keyed requests (null: not counted); {@code trustedProxies} are IP literals. */
    public Authenticator(Authenticate authenticate, KeyUsage usage, List<String> trustedProxies) {
        this.authenticate = authenticate;
        this.usage = usage;
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** The authenticated actor; a 401 when there are no credentials or they are not valid. */
    public Actor require(ServerRequest req) {
        String key = req.headers().first(API_KEY).map(String::strip).orElse(null);
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (key == null && header != null && header.startsWith(BEARER + ApiKey.PREFIX)) {
            key = header.substring(BEARER.length()).strip();
        }
        if (key != null && !key.isEmpty()) {
            if (!key.startsWith(ApiKey.PREFIX)) {
                throw new AuthenticationException("INVALID_API_KEY", "An API key starts with '" + ApiKey.PREFIX + "'");
            }
            return authenticate.actorForKey(key, new Authenticate.KeyedRequest(req.prologue().method().text(),
                    req.path().absolute().path(), clientAddress(req)));
        }
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
     * one (a browser cannot set headers on a WebSocket), checked by the same use case as the headers: a JWT, or an API
     * key (a read of {@code path} by {@code clientAddress}, with the key's permissions, endpoints and addresses).
     */
    public Actor requireToken(String token, String path, String clientAddress) {
        if (token == null || token.isBlank()) {
            throw new AuthenticationException("Authentication required: pass the token as ?token=<token>");
        }
        String credential = token.strip();
        if (credential.startsWith(ApiKey.PREFIX)) {
            return authenticate.actorForKey(credential, new Authenticate.KeyedRequest("GET", path, clientAddress));
        }
        return authenticate.actorFor(credential);
    }

    /** Counts a finished keyed request for the key's usage statistics (in memory; flushed in batches). */
    void finished(UUID keyId, boolean failed, long latencyMillis) {
        if (usage != null) {
            usage.record(keyId, Instant.now(), failed, latencyMillis);
        }
    }

    /**
     * The client's address: the connection's peer, or, when that peer is a trusted proxy, the nearest address in
     * {@code X-Forwarded-For} that is not itself a trusted proxy (entries further left could be forged).
     */
    public String clientAddress(ServerRequest req) {
        String peer = peer(req.remotePeer().address());
        if (peer == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = req.headers().all(FORWARDED_FOR, List::of).stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i)) || i == 0) {
                return hops.get(i);
            }
        }
        return peer;
    }

    private static String peer(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : null;
    }
}
