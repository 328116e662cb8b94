package net.defarm.application.circuits;

import net.defarm.application.audit.AuditTrail;
import net.defarm.application.credits.CreditCharges;
import net.defarm.application.delivery.PostActions;
import net.defarm.application.events.EventRepository;
import net.defarm.application.events.MemberCircuits;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.integrity.ItemSnapshots;
import net.defarm.application.items.DfidIssuer;
import net.defarm.application.items.DfidSequence;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.items.LidMappingRepository;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;

/** The circuits context's inbound ports, as the HTTP adapter receives them. */
public record CircuitUseCases(ManageCircuits manage, ManageMembership membership, JoinCircuit join,
                              PushToCircuit push, PullFromCircuit pull, ApproveOperations approvals,
                              CircuitQueries queries, CircuitPublication publication) {

    /** The outbound ports the circuits context uses: its own, and those of the contexts it writes into. */
    public record Ports(CircuitRepository circuits, CircuitItemRepository circuitItems,
                        CircuitOperationRepository operations, CircuitActivityRepository activities,
                        ItemRepository items, LidMappingRepository lidMappings, DfidSequence dfidSequence,
                        EventRepository events, UserAccountRepository users, NotificationRepository notifications,
                        UnitOfWork unitOfWork) {
    }

    /** {@code anchoring} enqueues the circuit storage adapter's upload of every completed push. */
    public static CircuitUseCases create(Ports ports, ItemAccess itemAccess, MemberCircuits memberCircuits,
                                         ItemSnapshots snapshots, PasswordHasher hasher, Clock clock,
                                         PostActions postActions, CreditCharges charges, PushAnchoring anchoring,
                                         AuditTrail audit) {
        CircuitStore store = new CircuitStore(ports.circuits(), ports.unitOfWork(), clock, postActions,
                snapshots.circuits(), anchoring, audit);
        EventRepository events = ports.events();
        CircuitItemEvents itemEvents = new CircuitItemEvents(events, memberCircuits);
        CircuitTraffic traffic = new CircuitTraffic(store, ports.circuitItems(), ports.operations(),
                ports.activities(), events, clock);
        DfidIssuer dfids = new DfidIssuer(ports.dfidSequence(), clock);
        CircuitPublication publication = new CircuitPublication(store, ports.circuitItems(), ports.items());
        return new CircuitUseCases(
                new ManageCircuits(store, ports.users(), ports.notifications(), hasher, publication),
                new ManageMembership(store, ports.users()),
                new JoinCircuit(store, ports.notifications(), hasher),
                new PushToCircuit(store, traffic, ports.items(), itemAccess, ports.lidMappings(), ports.circuitItems(),
                        events, ports.users(), dfids, snapshots, itemEvents, charges),
                new PullFromCircuit(store, traffic, ports.circuitItems(), ports.items(), itemEvents, charges),
                new ApproveOperations(store, traffic, ports.operations(), charges),
                new CircuitQueries(store, ports.circuitItems(), ports.operations(), ports.activities(), ports.items(),
                        itemEvents, publication),
                publication);
    }
}
