package net.defarm.application.testing;

import java.util.List;
import java.util.UUID;
import net.defarm.application.admin.AdjustCredits;
import net.defarm.application.circuits.CircuitUseCases;
import net.defarm.application.credits.CreditUseCases;
import net.defarm.application.delivery.DeliveryPolicy;
import net.defarm.application.delivery.DeliveryUseCases;
import net.defarm.application.events.EventUseCases;
import net.defarm.application.identity.AuthResult;
import net.defarm.application.identity.AccountPolicy;
import net.defarm.application.identity.IdentityUseCases;
import net.defarm.application.identity.LocalRateLimiter;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.identity.RegisterUser;
import net.defarm.application.items.CreateItem;
import net.defarm.application.integrity.SnapshotQueries;
import net.defarm.application.items.ItemUseCases;
import net.defarm.application.notifications.Notifications;
import net.defarm.application.proofs.MerkleProofs;
import net.defarm.application.shared.Actor;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.wiring.UseCases;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonObject;

/** The use cases wired over a store under test, with a test clock and fast test doubles for hashing and tokens. */
public final class Fixture {

    public final StoragePorts storage;
    public final TestClock clock;
    public final IdentityUseCases identity;
    public final ItemUseCases items;
    public final EventUseCases events;
    public final CircuitUseCases circuits;
    public final Notifications notifications;
    public final SnapshotQueries snapshots;
    public final MerkleProofs proofs;
    public final DeliveryUseCases delivery;
    public final CreditUseCases credits;
    public final AdjustCredits adminCredits;
    public final RecordingDelivery receiver = new RecordingDelivery();

    public Fixture(StoragePorts storage) {
        this(storage, false);
    }

    /** {@code enforceCredits}: operations are charged to their caller's credits (CREDITS_ENFORCE). */
    public Fixture(StoragePorts storage, boolean enforceCredits) {
        this(storage, enforceCredits, new PlainPasswordHasher());
    }

    /** With a hasher of the test's own (one that counts or holds password checks). */
    public Fixture(StoragePorts storage, boolean enforceCredits, PasswordHasher hasher) {
        this.storage = storage;
        this.clock = new TestClock();
        UseCases all = UseCases.create(storage, hasher, new StubTokenService(clock), clock,
                receiver.ports(), DeliveryPolicy.defaults(), new LocalRateLimiter(), 100,
                AccountPolicy.defaults(), enforceCredits);
        this.identity = all.identity();
        this.items = all.items();
        this.events = all.events();
        this.circuits = all.circuits();
        this.notifications = all.notifications();
        this.snapshots = all.snapshots();
        this.proofs = all.proofs();
        this.delivery = all.delivery();
        this.credits = all.credits();
        this.adminCredits = all.admin().credits();
    }

    /** Registers a user with a unique name and returns the actor it signs in as. */
    public Actor newUser(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        AuthResult auth = identity.registerUser().register(new RegisterUser.Command(unique, unique + "@example.com",
                "Str0ng!Pass", null));
        return new Actor(auth.userId(), auth.workspaceId());
    }

    public Item createItem(Actor actor, JsonObject enriched, Identifier... identifiers) {
        return switch (items.createItem().create(actor, new CreateItem.Command(List.of(identifiers), enriched,
                UUID.randomUUID()))) {
            case CreateItem.Created created -> created.item();
            case CreateItem.StoredAsPending held -> throw held.refusal();
        };
    }

    public static Identifier lote(String value) {
        return Identifier.contextual("generic", "lote", value);
    }

    public static Identifier sisbov(String value) {
        return Identifier.canonical("bovino", "sisbov", value);
    }
}
