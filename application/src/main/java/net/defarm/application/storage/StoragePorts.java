package net.defarm.application.storage;

import net.defarm.application.admin.AdminActionRepository;
import net.defarm.application.audit.AuditPorts;
import net.defarm.application.admin.UserDirectory;
import net.defarm.application.identity.ApiKeyRepository;
import net.defarm.application.backends.AdapterConfigRepository;
import net.defarm.application.items.ItemShareRepository;
import net.defarm.application.circuits.CircuitActivityRepository;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.history.StorageHistoryRepository;
import net.defarm.application.circuits.CircuitItemRepository;
import net.defarm.application.circuits.CircuitOperationRepository;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.application.delivery.Outbox;
import net.defarm.application.delivery.PostActionRepository;
import net.defarm.application.events.EventRepository;
import net.defarm.application.evidence.AnchorLedger;
import net.defarm.application.evidence.ContentStore;
import net.defarm.application.evidence.ReceiptRepository;
import net.defarm.application.events.MemberCircuits;
import net.defarm.application.identity.PasswordResetTokenRepository;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.integrity.SnapshotRepository;
import net.defarm.application.items.DfidSequence;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.items.ItemSharing;
import net.defarm.application.items.LidMappingRepository;
import net.defarm.application.items.PendingItemRepository;
import net.defarm.application.notifications.NotificationFeed;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.application.shared.StoreHealth;
import net.defarm.application.shared.UnitOfWork;
import java.util.Objects;

/**
 * Everything a storage adapter provides, as one immutable value: the system of record chosen at start-up (memory
 * or PostgreSQL, possibly behind caches) hands this to the use cases. Ports are set by name through a
 * {@link Builder}; a decorator starts from the store it wraps ({@link #builder(StoragePorts)}) and names only the
 * ports it changes, so adding a port touches the stores that provide it, not every decorator.
 */
public record StoragePorts(
        UnitOfWork unitOfWork,
        UserAccountRepository users,
        ItemRepository items,
        PendingItemRepository pendingItems,
        LidMappingRepository lidMappings,
        DfidSequence dfidSequence,
        EventRepository events,
        CircuitRepository circuits,
        CircuitItemRepository circuitItems,
        CircuitOperationRepository operations,
        CircuitActivityRepository activities,
        NotificationRepository notifications,
        /** Live delivery of new notifications, following this store's transactions (and its other instances). */
        NotificationFeed notificationFeed,
        ItemSharing itemSharing,
        MemberCircuits memberCircuits,
        SnapshotRepository snapshots,
        StoreHealth health,
        StoreExport export,
        Outbox outbox,
        PostActionRepository postActions,
        ApiKeyRepository apiKeys,
        PasswordResetTokenRepository resetTokens,
        AdminActionRepository adminActions,
        /** Reads over every account (administration); served by the system of record, never by a cache. */
        UserDirectory userDirectory,
        /** Content-addressed blobs: the store's own (memory, a table) unless bootstrap configured disk or IPFS. */
        ContentStore contents,
        /** The local hash-chained anchoring log. */
        AnchorLedger ledger,
        ReceiptRepository receipts,
        /** Direct shares of items; read on every item access check, never cached. */
        ItemShareRepository itemShares,
        AdapterConfigRepository adapterConfigs,
        CreditLedger credits,
        /** Where items' states were stored by their circuits' adapters (storage history and timeline). */
        StorageHistoryRepository storageHistory,
        /** The audit trail, incidents, reports, auditor grants and activity logs; never cached. */
        AuditPorts audit) {

    public StoragePorts {
        required(unitOfWork, "unitOfWork");
        required(users, "users");
        required(items, "items");
        required(pendingItems, "pendingItems");
        required(lidMappings, "lidMappings");
        required(dfidSequence, "dfidSequence");
        required(events, "events");
        required(circuits, "circuits");
        required(circuitItems, "circuitItems");
        required(operations, "operations");
        required(activities, "activities");
        required(notifications, "notifications");
        required(notificationFeed, "notificationFeed");
        required(itemSharing, "itemSharing");
        required(memberCircuits, "memberCircuits");
        required(snapshots, "snapshots");
        required(health, "health");
        required(export, "export");
        required(outbox, "outbox");
        required(postActions, "postActions");
        required(apiKeys, "apiKeys");
        required(resetTokens, "resetTokens");
        required(adminActions, "adminActions");
        required(userDirectory, "userDirectory");
        required(contents, "contents");
        required(ledger, "ledger");
        required(receipts, "receipts");
        required(itemShares, "itemShares");
        required(adapterConfigs, "adapterConfigs");
        required(credits, "credits");
        required(storageHistory, "storageHistory");
        required(audit, "audit");
    }

    private static void required(Object port, String name) {
        Objects.requireNonNull(port, () -> "storage port '" + name + "' was not set");
    }

    /** An empty builder: a system of record sets every port. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding {@code base}'s ports: a decorator replaces only the ones it wraps. */
    public static Builder builder(StoragePorts base) {
        Builder b = new Builder();
        b.unitOfWork = base.unitOfWork;
        b.users = base.users;
        b.items = base.items;
        b.pendingItems = base.pendingItems;
        b.lidMappings = base.lidMappings;
        b.dfidSequence = base.dfidSequence;
        b.events = base.events;
        b.circuits = base.circuits;
        b.circuitItems = base.circuitItems;
        b.operations = base.operations;
        b.activities = base.activities;
        b.notifications = base.notifications;
        b.notificationFeed = base.notificationFeed;
        b.itemSharing = base.itemSharing;
        b.memberCircuits = base.memberCircuits;
        b.snapshots = base.snapshots;
        b.health = base.health;
        b.export = base.export;
        b.outbox = base.outbox;
        b.postActions = base.postActions;
        b.apiKeys = base.apiKeys;
        b.resetTokens = base.resetTokens;
        b.adminActions = base.adminActions;
        b.userDirectory = base.userDirectory;
        b.contents = base.contents;
        b.ledger = base.ledger;
        b.receipts = base.receipts;
        b.itemShares = base.itemShares;
        b.adapterConfigs = base.adapterConfigs;
        b.credits = base.credits;
        b.storageHistory = base.storageHistory;
        b.audit = base.audit;
        return b;
    }

    /** Sets ports by name; {@link #build()} refuses a missing one. */
    public static final class Builder {
        private UnitOfWork unitOfWork;
        private UserAccountRepository users;
        private ItemRepository items;
        private PendingItemRepository pendingItems;
        private LidMappingRepository lidMappings;
        private DfidSequence dfidSequence;
        private EventRepository events;
        private CircuitRepository circuits;
        private CircuitItemRepository circuitItems;
        private CircuitOperationRepository operations;
        private CircuitActivityRepository activities;
        private NotificationRepository notifications;
        private NotificationFeed notificationFeed;
        private ItemSharing itemSharing;
        private MemberCircuits memberCircuits;
        private SnapshotRepository snapshots;
        private StoreHealth health;
        private StoreExport export;
        private Outbox outbox;
        private PostActionRepository postActions;
        private ApiKeyRepository apiKeys;
        private PasswordResetTokenRepository resetTokens;
        private AdminActionRepository adminActions;
        private UserDirectory userDirectory;
        private ContentStore contents;
        private AnchorLedger ledger;
        private ReceiptRepository receipts;
        private ItemShareRepository itemShares;
        private AdapterConfigRepository adapterConfigs;
        private CreditLedger credits;
        private StorageHistoryRepository storageHistory;
        private AuditPorts audit;

        public Builder unitOfWork(UnitOfWork port) {
            this.unitOfWork = port;
            return this;
        }

        public Builder users(UserAccountRepository port) {
            this.users = port;
            return this;
        }

        public Builder items(ItemRepository port) {
            this.items = port;
            return this;
        }

        public Builder pendingItems(PendingItemRepository port) {
            this.pendingItems = port;
            return this;
        }

        public Builder lidMappings(LidMappingRepository port) {
            this.lidMappings = port;
            return this;
        }

        public Builder dfidSequence(DfidSequence port) {
            this.dfidSequence = port;
            return this;
        }

        public Builder events(EventRepository port) {
            this.events = port;
            return this;
        }

        public Builder circuits(CircuitRepository port) {
            this.circuits = port;
            return this;
        }

        public Builder circuitItems(CircuitItemRepository port) {
            this.circuitItems = port;
            return this;
        }

        public Builder operations(CircuitOperationRepository port) {
            this.operations = port;
            return this;
        }

        public Builder activities(CircuitActivityRepository port) {
            this.activities = port;
            return this;
        }

        public Builder notifications(NotificationRepository port) {
            this.notifications = port;
            return this;
        }

        public Builder notificationFeed(NotificationFeed port) {
            this.notificationFeed = port;
            return this;
        }

        public Builder itemSharing(ItemSharing port) {
            this.itemSharing = port;
            return this;
        }

        public Builder memberCircuits(MemberCircuits port) {
            this.memberCircuits = port;
            return this;
        }

        public Builder snapshots(SnapshotRepository port) {
            this.snapshots = port;
            return this;
        }

        public Builder health(StoreHealth port) {
            this.health = port;
            return this;
        }

        public Builder export(StoreExport port) {
            this.export = port;
            return this;
        }

        public Builder outbox(Outbox port) {
            this.outbox = port;
            return this;
        }

        public Builder postActions(PostActionRepository port) {
            this.postActions = port;
            return this;
        }

        public Builder apiKeys(ApiKeyRepository port) {
            this.apiKeys = port;
            return this;
        }

        public Builder resetTokens(PasswordResetTokenRepository port) {
            this.resetTokens = port;
            return this;
        }

        public Builder adminActions(AdminActionRepository port) {
            this.adminActions = port;
            return this;
        }

        public Builder userDirectory(UserDirectory port) {
            this.userDirectory = port;
            return this;
        }

        public Builder contents(ContentStore port) {
            this.contents = port;
            return this;
        }

        public Builder ledger(AnchorLedger port) {
            this.ledger = port;
            return this;
        }

        public Builder receipts(ReceiptRepository port) {
            this.receipts = port;
            return this;
        }

        public Builder itemShares(ItemShareRepository port) {
            this.itemShares = port;
            return this;
        }

        public Builder adapterConfigs(AdapterConfigRepository port) {
            this.adapterConfigs = port;
            return this;
        }

        public Builder credits(CreditLedger port) {
            this.credits = port;
            return this;
        }

        public Builder storageHistory(StorageHistoryRepository port) {
            this.storageHistory = port;
            return this;
        }

        public Builder audit(AuditPorts port) {
            this.audit = port;
            return this;
        }

        public StoragePorts build() {
            return new StoragePorts(unitOfWork, users, items, pendingItems, lidMappings, dfidSequence,
                    events, circuits, circuitItems, operations, activities, notifications,
                    notificationFeed, itemSharing, memberCircuits, snapshots, health, export, outbox,
                    postActions, apiKeys, resetTokens, adminActions, userDirectory, contents, ledger,
                    receipts, itemShares, adapterConfigs, credits, storageHistory, audit);
        }
    }
}
