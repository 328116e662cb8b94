package net.defarm.adapters.http;

import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.spi.ServerFeature;
import io.helidon.webserver.websocket.WsRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.defarm.adapters.http.access.ApiKeyRoutes;
import net.defarm.adapters.http.audit.ActivityRoutes;
import net.defarm.adapters.http.audit.AuditCaseRoutes;
import net.defarm.adapters.http.audit.AuditRoutes;
import net.defarm.adapters.http.admin.AdminOverviewRoutes;
import net.defarm.adapters.http.admin.AdminUserRoutes;
import net.defarm.adapters.http.backends.AdapterRoutes;
import net.defarm.adapters.http.backends.AdminAdapterRoutes;
import net.defarm.adapters.http.door.Authenticator;
import net.defarm.adapters.http.door.Door;
import net.defarm.adapters.http.door.RouteSpec;
import net.defarm.adapters.http.door.UpgradeGate;
import net.defarm.adapters.http.circuits.CircuitFeedRoutes;
import net.defarm.adapters.http.circuits.CircuitMemberRoutes;
import net.defarm.adapters.http.circuits.CircuitRoutes;
import net.defarm.adapters.http.circuits.CircuitTrafficRoutes;
import net.defarm.adapters.http.circuits.PublicCircuitRoutes;
import net.defarm.adapters.http.credits.AdminCreditRoutes;
import net.defarm.adapters.http.credits.CreditRoutes;
import net.defarm.adapters.http.delivery.PostActionRoutes;
import net.defarm.adapters.http.docs.ApiDocs;
import net.defarm.adapters.http.epcis.EpcisRoutes;
import net.defarm.adapters.http.events.EventRoutes;
import net.defarm.adapters.http.evidence.ReceiptRoutes;
import net.defarm.adapters.http.history.StorageHistoryRoutes;
import net.defarm.adapters.http.history.TimelineRoutes;
import net.defarm.adapters.http.identity.AuthRoutes;
import net.defarm.adapters.http.integrity.CircuitSnapshotRoutes;
import net.defarm.adapters.http.integrity.SnapshotRoutes;
import net.defarm.adapters.http.items.ItemRoutes;
import net.defarm.adapters.http.items.ItemShareRoutes;
import net.defarm.adapters.http.items.LocalItemRoutes;
import net.defarm.adapters.http.items.PendingItemRoutes;
import net.defarm.adapters.http.notifications.NotificationRoutes;
import net.defarm.adapters.http.notifications.NotificationSocketRoutes;
import net.defarm.adapters.http.proofs.MerkleRoutes;
import net.defarm.adapters.http.support.ErrorBodies;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.system.SystemRoutes;
import net.defarm.application.system.SystemStatus;
import net.defarm.application.wiring.UseCases;

/** The whole HTTP API: every route on its reference path, one error shape, and the inbound ports it calls. */
public final class HttpApi {

    private HttpApi() {
    }

    /** JSON error bodies for requests the server refuses before routing them. */
    public static DirectHandlers transportErrors() {
        return ErrorBodies.transportErrors();
    }

    /**
     * Registers every route through the {@link Door}: each one authenticated before its handler runs, except those
     * {@link net.defarm.adapters.http.door.PublicRoutes} lists. Returns the routes as the routing holds them, in
     * registration order (the order Helidon tries them); the list fills when the server builds its routing.
     */
    public static List<RouteSpec> register(HttpRouting.Builder routing, UseCases useCases, SystemStatus status,
                                           String version) {
        return register(routing, useCases, status, version, List.of());
    }

    /** As above; {@code trustedProxies} (IP literals) are the peers whose X-Forwarded-For is believed. */
    public static List<RouteSpec> register(HttpRouting.Builder routing, UseCases useCases, SystemStatus status,
                                           String version, List<String> trustedProxies) {
        HttpJson json = new HttpJson();
        List<RouteSpec> routes = new ArrayList<>();
        Authenticator authenticator = new Authenticator(useCases.identity().authenticate(), useCases.access().usage(),
                trustedProxies);
        Door door = Door.over(routing, authenticator, routes, useCases.audit().trail());
        ErrorBodies.register(routing, json);
        // WebSocket upgrades bypass HTTP routes (and so the door): this filter authenticates them instead.
        routing.addFilter(new UpgradeGate(authenticator, Set.of(NotificationSocketRoutes.path()), json));
        door.register("/api/auth", new AuthRoutes(useCases.identity(), json, authenticator::clientAddress))
                // Under one prefix, services are tried in the order given: those with static segments
                // (/pending, /local, /list, /member, /operations) come before those matching /{id} or /{dfid}.
                .register("/api/items", new ItemShareRoutes(useCases.itemShares(), json),
                        new PendingItemRoutes(useCases.items(), json),
                        new LocalItemRoutes(useCases.items(), json), new ItemRoutes(useCases.items(), json),
                        EpcisRoutes.items(useCases.epcis(), json),
                        TimelineRoutes.items(useCases.storageHistory().history(), json))
                .register("/api/events", EpcisRoutes.events(useCases.epcis(), json),
                        new EventRoutes(useCases.events(), json))
                .register("/api/circuits", new CircuitRoutes(useCases.circuits(), json),
                        new CircuitTrafficRoutes(useCases.circuits(), json),
                        new CircuitMemberRoutes(useCases.circuits(), json),
                        new PublicCircuitRoutes(useCases.circuits(), json),
                        new PostActionRoutes(useCases.delivery().postActions(), json),
                        EpcisRoutes.circuits(useCases.epcis(), json))
                .register("/api/notifications", new NotificationSocketRoutes(json),
                        new NotificationRoutes(useCases.notifications(), json))
                .register("/api/api-keys", new ApiKeyRoutes(useCases.access().apiKeys(), json))
                .register("/api/adapters", new AdapterRoutes(useCases.backends().adapters(), json))
                .register("/api/admin", new AdminUserRoutes(useCases.admin(), json),
                        new AdminOverviewRoutes(useCases.admin().queries(), json),
                        new AdminAdapterRoutes(useCases.backends().configurations(), json),
                        new AdminCreditRoutes(useCases.admin().credits(), json))
                .register("/api/receipts", new ReceiptRoutes(useCases.receipts(), json))
                .register("/audit/audit", new AuditRoutes(useCases.audit(), json),
                        new AuditCaseRoutes(useCases.audit(), json))
                .register("/api/activities", new CircuitFeedRoutes(useCases.circuits().queries(), json))
                .register("/api/user-activity", new ActivityRoutes(useCases.audit().activities(), json))
                .register("/api/storage-history",
                        new StorageHistoryRoutes(useCases.storageHistory().history(), false, json))
                .register("/api/public/storage-history",
                        new StorageHistoryRoutes(useCases.storageHistory().history(), true, json))
                .register("/api/timeline", TimelineRoutes.networks(useCases.storageHistory().history(), json))
                .register("/api/merkle", new MerkleRoutes(useCases.proofs(), false, json))
                .register("/api/public/merkle", new MerkleRoutes(useCases.proofs(), true, json))
                .register("/api/public/snapshots/items", new SnapshotRoutes(useCases.snapshots(), true, json))
                // The reference serves snapshots at the root, without the /api prefix.
                .register("/items", new SnapshotRoutes(useCases.snapshots(), false, json))
                .register("/circuits", new CircuitSnapshotRoutes(useCases.snapshots(), json))
                // So are the signed-in user's account pages (/users/me/..., /credit/users/current).
                .register("/", new CreditRoutes(useCases.credits().queries(), json))
                .register("/", new SystemRoutes(status, json, version));
        return Door.view(routes);
    }

    /**
     * The API's documentation: the OpenAPI contract at {@code /openapi} and Swagger UI at {@code /docs}. Server
     * features beside the routing (so not in {@link #register}'s list): they serve no data and need no credentials.
     */
    public static List<ServerFeature> documentation() {
        return ApiDocs.features();
    }

    /**
     * The WebSocket routes, which Helidon keeps apart from HTTP routing: only {@code /api/notifications/ws}. Its
     * upgrade is authenticated by the {@link UpgradeGate} that {@link #register} installs (the same
     * {@link Authenticator} as the door's), then again as the socket opens; the HTTP route of the same path, which
     * answers plain requests with 426, is registered through the door.
     */
    public static WsRouting.Builder webSockets(UseCases useCases) {
        return NotificationSocketRoutes.webSocket(new Authenticator(useCases.identity().authenticate()),
                useCases.notifications(), new HttpJson().mapper());
    }
}
