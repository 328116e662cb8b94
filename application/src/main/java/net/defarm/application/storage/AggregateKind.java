package net.defarm.application.storage;

import net.defarm.domain.circuits.Activity;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.events.Event;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.notifications.Notification;
import net.defarm.domain.shared.WireNames;

/**
 * Every kind of record a store holds, in an order where each kind only refers to kinds before it (so an import in
 * this order never meets a dangling reference), with the key that identifies a record of the kind.
 */
public enum AggregateKind {
    USER("user", UserAccount.class),
    ITEM("item", Item.class),
    LID_MAPPING("lid-mapping", LidMapping.class),
    PENDING_ITEM("pending-item", PendingItem.class),
    EVENT("event", Event.class),
    CIRCUIT("circuit", Circuit.class),
    CIRCUIT_ITEM("circuit-item", CircuitItem.class),
    OPERATION("operation", CircuitOperation.class),
    ACTIVITY("activity", Activity.class),
    NOTIFICATION("notification", Notification.class),
    SNAPSHOT("snapshot", StateSnapshot.class);

    private final String wireName;
    private final Class<?> type;

    AggregateKind(String wireName, Class<?> type) {
        this.wireName = wireName;
        this.type = type;
    }

    public String wireName() {
        return wireName;
    }

    public Class<?> type() {
        return type;
    }

    public static AggregateKind fromWireName(String name) {
        return WireNames.require(values(), AggregateKind::wireName, name, "record kind");
    }

    /** The record's key within its kind. */
    public String keyOf(Object record) {
        return switch (this) {
            case USER -> ((UserAccount) record).userId();
            case ITEM -> ((Item) record).dfid();
            case LID_MAPPING -> ((LidMapping) record).lid().toString();
            case PENDING_ITEM -> ((PendingItem) record).pendingId().toString();
            case EVENT -> ((Event) record).eventId().toString();
            case CIRCUIT -> ((Circuit) record).circuitId().toString();
            case CIRCUIT_ITEM -> circuitItemKey(((CircuitItem) record).circuitId().toString(),
                    ((CircuitItem) record).dfid());
            case OPERATION -> ((CircuitOperation) record).operationId().toString();
            case ACTIVITY -> ((Activity) record).activityId();
            case NOTIFICATION -> ((Notification) record).id().toString();
            case SNAPSHOT -> ((StateSnapshot) record).snapshotId();
        };
    }

    /**
     * The record as an import would store it, for comparing exports: the stored version, an optimistic-locking
     * counter that every import restarts, set to 0.
     */
    public static Object unversioned(Object record) {
        return switch (record) {
            case Item i -> i.atVersion(0);
            case UserAccount u -> u.atVersion(0);
            case Event e -> e.atVersion(0);
            case Circuit c -> c.atVersion(0);
            case CircuitOperation o -> o.atVersion(0);
            case PendingItem p -> p.atVersion(0);
            default -> record;
        };
    }

    public static String circuitItemKey(String circuitId, String dfid) {
        return circuitId + "|" + dfid;
    }
}
