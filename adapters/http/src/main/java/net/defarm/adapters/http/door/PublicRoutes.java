package net.defarm.adapters.http.door;

import java.util.Set;

/**
 * The only routes served without credentials. Everything else registered through the {@link Door} requires a
 * valid credential before its handler runs. Adding a line here is a security decision: keep it short and say why.
 * The API's documentation ({@code /openapi}, {@code /docs}) is not here: Helidon features serve it beside the routing
 * (see {@code HttpApi.documentation()}); it holds no data.
 */
public final class PublicRoutes {

    /** Method and full path template, exactly as registered. */
    static final Set<String> ALLOWED = Set.of(
            // Signing up and signing in: the caller has no credential yet.
            "POST /api/auth/register",
            "POST /api/auth/login",
            // A forgotten password: the caller cannot sign in. The answer never says whether the account exists,
            // requests are throttled per name and per address, and a reset needs the token mailed to the owner.
            "POST /api/auth/forgot-password",
            "POST /api/auth/reset-password",
            // Service information and liveness, for probes and load balancers.
            "GET /",
            "GET /health",
            "GET /health/db",
            // The HTTP side of the notifications WebSocket: it serves no data, it answers a plain GET with 426. The
            // upgrade itself never reaches an HTTP route (so not this door): UpgradeGate authenticates it with the
            // same Authenticator (token in ?token=), answering 401 with no socket when it is refused.
            "GET /api/notifications/ws",
            // What a public circuit chooses to show (joining it needs an account: it is not listed here).
            "GET /api/circuits/{id}/public",
            // Proofs and snapshot chains of items that a public circuit publishes (never their state).
            "GET /api/public/merkle/items/{dfid}/merkle-root",
            "GET /api/public/merkle/items/{dfid}/merkle-proof/{event_id}",
            "GET /api/public/merkle/circuits/{circuit_id}/merkle-root",
            "GET /api/public/merkle/circuits/{circuit_id}/merkle-proof/{dfid}",
            "POST /api/public/merkle/verify-proof",
            "GET /api/public/snapshots/items/{dfid}/snapshots",
            "GET /api/public/snapshots/items/{dfid}/snapshots/latest",
            "GET /api/public/snapshots/items/{dfid}/snapshots/verify",
            // Where a published item's states were stored (CIDs and ledger entries), by the same publication rule.
            "GET /api/public/storage-history/{dfid}");

    private PublicRoutes() {
    }

    static boolean isPublic(String method, String template) {
        return ALLOWED.contains(method + " " + template);
    }

    /** Every allowed route as {@code METHOD /template}, so tests can check each one is really registered. */
    public static Set<String> all() {
        return ALLOWED;
    }
}
