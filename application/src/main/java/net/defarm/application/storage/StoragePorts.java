package net.defarm.application.storage;

import java.util.Objects;
import net.defarm.application.identity.ApiKeyRepository;
import net.defarm.application.circuits.CircuitActivityRepository;
import net.defarm.application.circuits.CircuitItemRepository;
import net.defarm.application.circuits.CircuitOperationRepository;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.delivery.Outbox;
import net.defarm.application.delivery.PostActionRepository;
import net.defarm.application.events.EventRepository;
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

/**
 * Everything a storage adapter provides, as one immutable value: the system of record chosen at start-up (memory
 * or PostgreSQL, possibly behind caches) hands this to the use cases. Ports are set by name through a
 * {@link Builder}; a decorator starts from the store it wraps ({@link #builder(StoragePorts)}) and names only the
 * ports it changes, so adding a port touches the stores that provide it, not every decorator.
 */
public final class StoragePorts {

    private final UnitOfWork unitOfWork;
    private final UserAccountRepository users;
    private final ItemRepository items;
    private final PendingItemRepository pendingItems;
    private final LidMappingRepository lidMappings;
    private final DfidSequence dfidSequence;
    private final EventRepository events;
    private final CircuitRepository circuits;
    private final CircuitItemRepository circuitItems;
    private final CircuitOperationRepository operations;
    private final CircuitActivityRepository activities;
    private final NotificationRepository notifications;
    private final NotificationFeed notificationFeed;
    private final ItemSharing itemSharing;
    private final MemberCircuits memberCircuits;
    private final SnapshotRepository snapshots;
    private final StoreHealth health;
    private final StoreExport export;
    private final Outbox outbox;
    private final PostActionRepository postActions;
    private final ApiKeyRepository apiKeys;
    private final PasswordResetTokenRepository resetTokens;
    private final CreditLedger credits;

    private StoragePorts(Builder b) {
        this.unitOfWork = required(b.unitOfWork, "unitOfWork");
        this.users = required(b.users, "users");
        this.items = required(b.items, "items");
        this.pendingItems = required(b.pendingItems, "pendingItems");
        this.lidMappings = required(b.lidMappings, "lidMappings");
        this.dfidSequence = required(b.dfidSequence, "dfidSequence");
        this.events = required(b.events, "events");
        this.circuits = required(b.circuits, "circuits");
        this.circuitItems = required(b.circuitItems, "circuitItems");
        this.operations = required(b.operations, "operations");
        this.activities = required(b.activities, "activities");
        this.notifications = required(b.notifications, "notifications");
        this.notificationFeed = required(b.notificationFeed, "notificationFeed");
        this.itemSharing = required(b.itemSharing, "itemSharing");
        this.memberCircuits = required(b.memberCircuits, "memberCircuits");
        this.snapshots = required(b.snapshots, "snapshots");
        this.health = required(b.health, "health");
        this.export = required(b.export, "export");
        this.outbox = required(b.outbox, "outbox");
        this.postActions = required(b.postActions, "postActions");
        this.apiKeys = required(b.apiKeys, "apiKeys");
        this.resetTokens = required(b.resetTokens, "resetTokens");
        this.credits = required(b.credits, "credits");
    }

    private static <T> T required(T port, String name) {
        return Objects.requireNonNull(port, () -> "storage port '" + name + "' was not set");
    }

    /** An empty builder: a system of record sets every port. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding {@code base}'s ports: a decorator replaces only the ones it wraps. */
    public static Builder builder(StoragePorts base) {
        return new Builder().unitOfWork(base.unitOfWork).users(base.users).items(base.items)
                .pendingItems(base.pendingItems).lidMappings(base.lidMappings).dfidSequence(base.dfidSequence)
                .events(base.events).circuits(base.circuits).circuitItems(base.circuitItems)
                .operations(base.operations).activities(base.activities).notifications(base.notifications)
                .notificationFeed(base.notificationFeed)
                .itemSharing(base.itemSharing).memberCircuits(base.memberCircuits).snapshots(base.snapshots)
                .health(base.health).export(base.export)
                .outbox(base.outbox).postActions(base.postActions).apiKeys(base.apiKeys)
                .resetTokens(base.resetTokens)
                .credits(base.credits);
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public UserAccountRepository users() {
        return users;
    }

    public ItemRepository items() {
        return items;
    }

    public PendingItemRepository pendingItems() {
        return pendingItems;
    }

    public LidMappingRepository lidMappings() {
        return lidMappings;
    }

    public DfidSequence dfidSequence() {
        return dfidSequence;
    }

    public EventRepository events() {
        return events;
    }

    public CircuitRepository circuits() {
        return circuits;
    }

    public CircuitItemRepository circuitItems() {
        return circuitItems;
    }

    public CircuitOperationRepository operations() {
        return operations;
    }

    public CircuitActivityRepository activities() {
        return activities;
    }

    public NotificationRepository notifications() {
        return notifications;
    }

    /** Live delivery of new notifications, following this store's transactions (and its other instances). */
    public NotificationFeed notificationFeed() {
        return notificationFeed;
    }

    public ItemSharing itemSharing() {
        return itemSharing;
    }

    public MemberCircuits memberCircuits() {
        return memberCircuits;
    }

    public SnapshotRepository snapshots() {
        return snapshots;
    }

    public StoreHealth health() {
        return health;
    }

    public StoreExport export() {
        return export;
    }

    public Outbox outbox() {
        return outbox;
    }

    public PostActionRepository postActions() {
        return postActions;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public PasswordResetTokenRepository resetTokens() {
        return resetTokens;
    }

    /** Credit ledgers; the only writer of an account's balance. */
    public CreditLedger credits() {
        return credits;
    }

    /** Collects ports by name; {@link #build()} refuses a set with any port missing. */
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
        private CreditLedger credits;

        private Builder() {
        }

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

        public Builder credits(CreditLedger port) {
            this.credits = port;
            return this;
        }

        public StoragePorts build() {
            return new StoragePorts(this);
        }
    }
}
