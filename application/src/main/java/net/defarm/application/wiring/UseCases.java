package net.defarm.application.wiring;

import net.defarm.application.delivery.MailOutbox;
import net.defarm.application.admin.AdminUseCases;
import net.defarm.application.audit.AuditUseCases;
import net.defarm.application.identity.AccessUseCases;
import net.defarm.application.identity.CredentialChanges;
import net.defarm.application.identity.RecentCredentials;
import net.defarm.application.identity.AccountPolicy;
import net.defarm.application.identity.ApiKeys;
import net.defarm.application.identity.KeyUsage;
import net.defarm.application.identity.LocalRateLimiter;
import net.defarm.application.identity.RateLimiter;
import net.defarm.application.backends.AdapterConfigurations;
import net.defarm.application.backends.BackendUseCases;
import net.defarm.application.backends.RecordStoreBackends;
import net.defarm.application.backends.StorageAdapters;
import net.defarm.application.circuits.CircuitUseCases;
import net.defarm.application.credits.CreditCharges;
import net.defarm.application.credits.CreditQueries;
import net.defarm.application.credits.CreditUseCases;
import net.defarm.application.credits.WelcomeCredits;
import net.defarm.application.delivery.DeliveryPolicy;
import net.defarm.application.delivery.DeliveryPorts;
import net.defarm.application.delivery.DeliveryUseCases;
import net.defarm.application.delivery.DispatchOutbox;
import net.defarm.application.delivery.ManagePostActions;
import net.defarm.application.delivery.PostActions;
import net.defarm.application.epcis.EpcisUseCases;
import net.defarm.application.epcis.ExportEpcis;
import net.defarm.application.epcis.ImportEpcis;
import net.defarm.application.events.EventUseCases;
import net.defarm.application.evidence.Receipts;
import net.defarm.application.history.AnchorRequests;
import net.defarm.application.history.HistoryPorts;
import net.defarm.application.history.HistoryUseCases;
import net.defarm.application.history.StorageHistory;
import net.defarm.application.history.StoreItemState;
import net.defarm.domain.delivery.OutboxMessage;
import java.util.Map;
import net.defarm.application.identity.Authenticate;
import net.defarm.application.identity.IdentityUseCases;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.identity.TokenService;
import net.defarm.application.integrity.ItemSnapshots;
import net.defarm.application.integrity.SnapshotQueries;
import net.defarm.application.items.CircuitOrDirectSharing;
import net.defarm.application.items.ItemUseCases;
import net.defarm.application.items.ShareItems;
import net.defarm.application.notifications.AnnouncedNotifications;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.application.notifications.Notifications;
import net.defarm.application.proofs.MerkleProofs;
import net.defarm.application.shared.Clock;
import net.defarm.application.storage.StoragePorts;

/**
 * Every inbound port of the service, wired over one set of outbound ports. The service and the scenario tests
 * build the application the same way, so what the tests exercise is what runs.
 */
public record UseCases(IdentityUseCases identity, ItemUseCases items, EventUseCases events,
                       CircuitUseCases circuits, Notifications notifications, SnapshotQueries snapshots,
                       MerkleProofs proofs, DeliveryUseCases delivery, AccessUseCases access,
                       EpcisUseCases epcis, AdminUseCases admin, Receipts receipts, ShareItems itemShares,
                       BackendUseCases backends, CreditUseCases credits, HistoryUseCases storageHistory,
                       AuditUseCases audit) {

    /** API keys get this instance's own limiter and the default limit of 100 requests per hour. */
    public static UseCases create(StoragePorts storage, PasswordHasher hasher, TokenService tokens, Clock clock,
                                  DeliveryPorts deliveryPorts, DeliveryPolicy policy) {
        return create(storage, hasher, tokens, clock, deliveryPorts, policy, new LocalRateLimiter(), 100);
    }

    public static UseCases create(StoragePorts storage, PasswordHasher hasher, TokenService tokens, Clock clock,
                                  DeliveryPorts deliveryPorts, DeliveryPolicy policy, RateLimiter keyLimiter,
                                  int defaultKeyRateLimit) {
        return create(storage, hasher, tokens, clock, deliveryPorts, policy, keyLimiter, defaultKeyRateLimit,
                AccountPolicy.defaults());
    }

    /**
     * {@code limiter} counts key requests and the account flows' throttles alike (in their own namespaces); credits
     * are not charged for operations (CREDITS_ENFORCE=false).
     */
    public static UseCases create(StoragePorts storage, PasswordHasher hasher, TokenService tokens, Clock clock,
                                  DeliveryPorts deliveryPorts, DeliveryPolicy policy, RateLimiter limiter,
                                  int defaultKeyRateLimit, AccountPolicy accountPolicy) {
        return create(storage, hasher, tokens, clock, deliveryPorts, policy, limiter, defaultKeyRateLimit,
                accountPolicy, false);
    }

    /** With {@code enforceCredits}, priced operations are debited from their caller's credits (CREDITS_ENFORCE). */
    public static UseCases create(StoragePorts storage, PasswordHasher hasher, TokenService tokens, Clock clock,
                                  DeliveryPorts deliveryPorts, DeliveryPolicy policy, RateLimiter limiter,
                                  int defaultKeyRateLimit, AccountPolicy accountPolicy, boolean enforceCredits) {
        return create(storage, hasher, tokens, clock, deliveryPorts, policy, limiter, defaultKeyRateLimit,
                accountPolicy, enforceCredits, true);
    }

    /** {@code auditEnabled}: whether the service records its own actions in the audit trail (AUDIT_ENABLED). */
    public static UseCases create(StoragePorts storage, PasswordHasher hasher, TokenService tokens, Clock clock,
                                  DeliveryPorts deliveryPorts, DeliveryPolicy policy, RateLimiter limiter,
                                  int defaultKeyRateLimit, AccountPolicy accountPolicy, boolean enforceCredits,
                                  boolean auditEnabled) {
        return create(storage, hasher, tokens, clock, deliveryPorts, policy, limiter, defaultKeyRateLimit,
                accountPolicy, enforceCredits, auditEnabled, RecentCredentials.none());
    }

    /**
     * {@code recent}: the credentials of recent requests (AUTH_FRESHNESS_MS); every account and key written through
     * these use cases is dropped from it once its transaction has ended.
     */
    public static UseCases create(StoragePorts store, PasswordHasher hasher, TokenService tokens, Clock clock,
                                  DeliveryPorts deliveryPorts, DeliveryPolicy policy, RateLimiter limiter,
                                  int defaultKeyRateLimit, AccountPolicy accountPolicy, boolean enforceCredits,
                                  boolean auditEnabled, RecentCredentials recent) {
        CredentialChanges changes = new CredentialChanges(recent);
        StoragePorts storage = StoragePorts.builder(store).unitOfWork(changes.transactions(store.unitOfWork()))
                .users(changes.accounts(store.users())).apiKeys(changes.keys(store.apiKeys())).build();
        AuditUseCases audit = AuditUseCases.create(storage.audit(), storage.users()::findById, storage.unitOfWork(), clock,
                auditEnabled);
        IdentityUseCases identity = IdentityUseCases.create(storage.users(), hasher, tokens, storage.unitOfWork(),
                clock, new Authenticate.KeyPorts(storage.apiKeys(), limiter, clock),
                new IdentityUseCases.AccountPorts(storage.resetTokens(),
                        new MailOutbox(storage.outbox(), deliveryPorts.secrets()), limiter, accountPolicy),
                new WelcomeCredits(storage.credits(), clock), audit.trail(), recent);
        CreditCharges charges = new CreditCharges(enforceCredits, storage.users(), storage.credits(), clock);
        KeyUsage keyUsage = new KeyUsage(storage.apiKeys(), storage.unitOfWork());
        AccessUseCases access = new AccessUseCases(new ApiKeys(storage.apiKeys(), storage.users(), keyUsage,
                storage.unitOfWork(), clock, defaultKeyRateLimit, audit.trail()), keyUsage);
        ItemUseCases items = ItemUseCases.create(storage.items(), storage.pendingItems(), storage.lidMappings(),
                storage.dfidSequence(), new CircuitOrDirectSharing(storage.itemSharing(), storage.itemShares()),
                storage.unitOfWork(), clock, charges);
        ItemSnapshots itemSnapshots = new ItemSnapshots(storage.snapshots(), clock);
        EventUseCases events = EventUseCases.create(items.access(), storage.events(), storage.memberCircuits(),
                itemSnapshots, storage.unitOfWork(), clock);
        // Every notification a use case inserts is announced on the live feed, in the same transaction.
        NotificationRepository notifications = new AnnouncedNotifications(storage.notifications(),
                storage.notificationFeed());
        CircuitUseCases.Ports circuitPorts = new CircuitUseCases.Ports(storage.circuits(), storage.circuitItems(),
                storage.operations(), storage.activities(), storage.items(), storage.lidMappings(),
                storage.dfidSequence(), storage.events(), storage.users(), notifications, storage.unitOfWork());
        PostActions postActions = new PostActions(storage.postActions(), storage.outbox(), storage.items()::findByDfid,
                clock);
        CircuitUseCases circuits = CircuitUseCases.create(circuitPorts, items.access(), storage.memberCircuits(),
                itemSnapshots, hasher, clock, postActions, charges, new AnchorRequests(storage.outbox(), clock),
                audit.trail());
        HistoryPorts historyPorts = historyPorts(storage);
        StoreItemState storeItemState = new StoreItemState(historyPorts, clock);
        DeliveryUseCases delivery = new DeliveryUseCases(
                new ManagePostActions(storage.circuits()::findById, storage.postActions(), storage.outbox(),
                        deliveryPorts, policy, storage.unitOfWork(), clock),
                new DispatchOutbox(storage.outbox(), storage.postActions(), deliveryPorts, policy, clock,
                        Map.of(OutboxMessage.ANCHOR, storeItemState)));
        return new UseCases(identity, items, events, circuits,
                new Notifications(storage.notifications(), storage.unitOfWork(), storage.notificationFeed()),
                new SnapshotQueries(items.access(), circuits.publication(), storage.snapshots(),
                        storage.circuits()::findById),
                new MerkleProofs(items.access(), circuits.publication(), storage.events(), circuits.queries(),
                        storage.circuitItems(), clock),
                delivery, access,
                new EpcisUseCases(new ExportEpcis(items.access(), events.queries(), circuits.queries(), clock,
                        audit.trail()),
                        new ImportEpcis(items.access(), storage.events(), itemSnapshots, storage.unitOfWork(),
                                audit.trail())),
                AdminUseCases.create(new AdminUseCases.Ports(storage.users(), storage.userDirectory(),
                        storage.adminActions(), storage.credits(), storage.unitOfWork()), hasher, clock,
                        audit.trail()),
                new Receipts(storage.receipts(), storage.contents(), storage.unitOfWork(), clock),
                new ShareItems(items.access(), storage.items(), storage.itemShares(), storage.users(),
                        storage.unitOfWork(), clock),
                new BackendUseCases(new StorageAdapters(storage.users(), storage.adapterConfigs(),
                        new RecordStoreBackends(storage.health(), storage.contents(), storage.ledger(), clock),
                        clock),
                        new AdapterConfigurations(storage.adapterConfigs(), storage.users(), deliveryPorts.secrets(),
                                storage.unitOfWork(), clock)),
                new CreditUseCases(new CreditQueries(storage.users(), storage.credits())),
                new HistoryUseCases(new StorageHistory(historyPorts, items.access(), circuits.publication(), clock),
                        storeItemState),
                audit);
    }

    /** The handler of {@code anchor} outbox messages, for a dispatcher that runs without the rest (the command). */
    public static StoreItemState storeItemState(StoragePorts storage, Clock clock) {
        return new StoreItemState(historyPorts(storage), clock);
    }

    private static HistoryPorts historyPorts(StoragePorts s) {
        return new HistoryPorts(s.storageHistory(), s.items(), s.events(), s.contents(), s.ledger(), s.circuits(),
                s.circuitItems(), s.users(), s.outbox(), s.unitOfWork());
    }
}
