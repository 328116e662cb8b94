package net.defarm.application.scenarios;

import static net.defarm.application.testing.Fixture.lote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.application.circuits.ManageCircuits;
import net.defarm.application.admin.AdjustCredits;
import net.defarm.application.credits.CreditQueries;
import net.defarm.application.items.CreateItem;
import net.defarm.application.items.CreateItemsBatch;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.KeyScope;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.testing.Concurrently;
import net.defarm.application.testing.Fixture;
import net.defarm.domain.access.ApiKeyPermissions;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.CircuitPermissions;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.credits.InsufficientCreditsException;
import net.defarm.domain.credits.TransactionType;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;
import org.junit.jupiter.api.Test;

/** The credit ledger through the use cases: the registration grant, charging operations, administrators. */
public abstract class CreditScenarios extends StoreScenarios {

    /** The same store, with operations charged (CREDITS_ENFORCE). */
    private Fixture enforcing() {
        return new Fixture(f.storage, true);
    }

    private long balance(Fixture fx, Actor actor) {
        return fx.credits.queries().balance(actor).credits();
    }

    private List<CreditTransaction> lines(Fixture fx, Actor actor) {
        return fx.credits.queries().history(actor, PageRequest.first(200)).page().items();
    }

    /** An account with the given tier and admin flag, stored as the create-admin command stores one. */
    private Actor account(Fixture fx, UserTier tier, boolean admin) {
        Actor plain = fx.newUser(admin ? "admin" : tier.display().toLowerCase());
        UserAccount a = fx.storage.users().findById(plain.userId()).orElseThrow();
        fx.storage.unitOfWork().inTransaction(() -> fx.storage.users().update(new UserAccount(a.userId(),
                a.username(), a.email(), a.passwordHash(), tier, a.status(), a.credits(), a.createdAt(),
                a.updatedAt(), a.lastLogin(), admin, a.workspaceId(), a.availableAdapters(), a.version(),
                a.sessionsValidFrom())));
        return plain;
    }

    private Actor admin(Fixture fx) {
        return account(fx, UserTier.ADMIN, true);
    }

    private static CreateItem.Command command(String lot) {
        return new CreateItem.Command(List.of(lote(lot)), null, UUID.randomUUID());
    }

    @Test
    void registrationGrantsOneHundredCreditsWithOneGrantLine() {
        Actor alice = f.newUser("alice");
        CreditQueries.Balance b = f.credits.queries().balance(alice);
        assertEquals(100, b.credits());
        assertEquals(UserTier.BASIC, b.tier());
        List<CreditTransaction> lines = lines(f, alice);
        assertEquals(1, lines.size());
        assertEquals(TransactionType.GRANT, lines.getFirst().type());
        assertEquals(100, lines.getFirst().amount());
        assertEquals(100, lines.getFirst().balanceAfter());
        assertEquals("New user registration bonus", lines.getFirst().description());
        assertEquals(lines.getFirst().timestamp(), b.lastUpdated());
        CreditQueries.Profile p = f.credits.queries().profile(alice);
        assertEquals(100, p.account().credits());
        assertEquals(1000L, p.limits().maxItemsPerMonth());
        assertEquals(2, f.credits.queries().costs(alice).costs().itemCreation());
    }

    @Test
    void withoutEnforcementOperationsCostNothing() {
        Actor alice = f.newUser("alice");
        f.createItem(alice, null, lote("FREE-1"));
        assertEquals(100, balance(f, alice));
        assertEquals(1, lines(f, alice).size());
    }

    @Test
    void enforcedItemCreationIsDebitedWithTheItem() {
        Fixture fx = enforcing();
        Actor alice = fx.newUser("alice");
        Item item = fx.createItem(alice, null, lote("PAID-1"));
        assertEquals(98, balance(fx, alice));
        CreditTransaction charge = lines(fx, alice).getFirst();
        assertEquals(TransactionType.CONSUMPTION, charge.type());
        assertEquals(-2, charge.amount());
        assertTrue(charge.description().contains(item.dfid()), charge.description());
    }

    @Test
    void anInsufficientBalanceRefusesTheItemAndChangesNothing() {
        Fixture fx = enforcing();
        Actor alice = fx.newUser("alice");
        fx.adminCredits.adjust(admin(fx), alice.userId(), -99L, "leave one credit", null);
        InsufficientCreditsException e = assertThrows(InsufficientCreditsException.class,
                () -> fx.items.createItem().create(alice, command("TOO-DEAR")));
        assertEquals(2, e.required());
        assertEquals(1, e.balance());
        assertEquals(1, balance(fx, alice));
        assertTrue(fx.items.queries().list(alice, null, "lote", "TOO-DEAR", PageRequest.firstPage()).items().isEmpty(),
                "the item was not created");
        assertEquals(2, lines(fx, alice).size());
    }

    @Test
    void eachItemOfABatchIsChargedOnItsOwn() {
        Fixture fx = enforcing();
        Actor alice = fx.newUser("alice");
        fx.adminCredits.adjust(admin(fx), alice.userId(), -95L, "leave five", null);
        List<CreateItemsBatch.Result> results = fx.items.createItemsBatch().createAll(alice,
                List.of(command("B-1"), command("B-2"), command("B-3")));
        assertInstanceOf(CreateItemsBatch.Created.class, results.get(0));
        assertInstanceOf(CreateItemsBatch.Created.class, results.get(1));
        CreateItemsBatch.Refused refused = assertInstanceOf(CreateItemsBatch.Refused.class, results.get(2));
        assertEquals("INSUFFICIENT_CREDITS", refused.errorCode());
        assertEquals(1, balance(fx, alice));
        assertTrue(fx.items.queries().list(alice, null, "lote", "B-3", PageRequest.firstPage()).items().isEmpty(),
                "the refused item's own writes were undone");
        assertEquals(1, fx.items.queries().list(alice, null, "lote", "B-2", PageRequest.firstPage()).items().size(),
                "the items before it stay");
    }

    @Test
    void circuitPushAndPullAreChargedAndTheAdminTierIsFree() {
        Fixture fx = enforcing();
        Actor owner = fx.newUser("owner");
        Actor member = fx.newUser("member");
        Circuit c = fx.circuits.manage().create(owner, new ManageCircuits.NewCircuit("Paid", "d", null, null, null,
                null));
        fx.circuits.membership().addMember(owner, c.circuitId(), member.userId(), MemberRole.MEMBER);
        Item item = fx.createItem(member, null, lote("P-1"));
        fx.circuits.push().push(member, c.circuitId(), item.dfid());
        assertEquals(100 - 2 - 3, balance(fx, member));
        fx.circuits.pull().pull(owner, c.circuitId(), item.dfid());
        assertEquals(97, balance(fx, owner));
        Actor root = admin(fx);
        fx.createItem(root, null, lote("ADMIN-1"));
        assertEquals(100, balance(fx, root));
        assertEquals(1, lines(fx, root).size(), "free operations write no line");
    }

    @Test
    void aRejectedPendingPushIsRefundedAndAnApprovedOneIsNot() {
        Fixture fx = enforcing();
        Actor owner = fx.newUser("owner");
        Actor member = fx.newUser("member");
        Circuit c = fx.circuits.manage().create(owner, new ManageCircuits.NewCircuit("Gated", "d", null,
                new CircuitPermissions(true, false, false), null, null));
        fx.circuits.membership().addMember(owner, c.circuitId(), member.userId(), MemberRole.MEMBER);
        Item refused = fx.createItem(member, null, lote("R-1"));
        Item accepted = fx.createItem(member, null, lote("R-2"));
        CircuitOperation first = fx.circuits.push().push(member, c.circuitId(), refused.dfid());
        CircuitOperation second = fx.circuits.push().push(member, c.circuitId(), accepted.dfid());
        assertEquals(100 - 2 * 2 - 2 * 3, balance(fx, member));

        fx.circuits.approvals().reject(owner, first.operationId(), "not ours");
        assertEquals(93, balance(fx, member), "the rejected push's charge came back");
        CreditTransaction refund = lines(fx, member).getFirst();
        assertEquals(TransactionType.REFUND, refund.type());
        assertEquals(3, refund.amount());
        fx.circuits.approvals().approve(owner, second.operationId());
        assertEquals(93, balance(fx, member), "an approved push stays charged");

        Actor free = admin(fx);
        fx.circuits.membership().addMember(owner, c.circuitId(), free.userId(), MemberRole.MEMBER);
        Item adminItem = fx.createItem(free, null, lote("R-3"));
        CircuitOperation uncharged = fx.circuits.push().push(free, c.circuitId(), adminItem.dfid());
        fx.circuits.approvals().reject(owner, uncharged.operationId(), "no");
        assertEquals(100, balance(fx, free), "nothing was charged, so nothing is refunded");
        assertEquals(1, lines(fx, free).size());
    }

    @Test
    void concurrentConsumptionsSpendTheBalanceExactlyOnce() throws Exception {
        Fixture fx = enforcing();
        Actor alice = fx.newUser("alice");
        List<Runnable> creates = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String lot = "C-" + i;
            creates.add(() -> fx.items.createItem().create(alice, command(lot)));
        }
        Concurrently.Tally tally = Concurrently.run(4, creates, InsufficientCreditsException.class);
        assertEquals(new Concurrently.Tally(50, 10), tally);
        assertEquals(0, balance(fx, alice));
        assertEquals(51, lines(fx, alice).size());
        assertEquals(50, fx.items.queries().list(alice, null, null, null, PageRequest.first(100)).items().size());
    }

    @Test
    void administratorsGrantAndPenalizeAndOthersAreRefused() {
        Actor root = admin(f);
        Actor alice = f.newUser("alice");
        CreditTransaction grant = f.adminCredits.adjust(root, alice.userId(), 500L, " Promo ", null);
        assertEquals(TransactionType.GRANT, grant.type());
        assertEquals("Promo", grant.description());
        assertEquals(600, balance(f, alice));
        CreditTransaction penalty = f.adminCredits.adjust(root, alice.userId(), -650L, "chargeback", null);
        assertEquals(TransactionType.PENALTY, penalty.type());
        assertEquals(-50, balance(f, alice), "a penalty may leave a negative balance");
        assertEquals(3, f.adminCredits.history(root, alice.userId(), PageRequest.firstPage()).items().size());
        assertEquals("ADMIN_REQUIRED", assertThrows(PermissionDeniedException.class,
                () -> f.adminCredits.adjust(alice, alice.userId(), 5L, "self-service", null)).code());
        assertThrows(PermissionDeniedException.class,
                () -> f.adminCredits.history(alice, root.userId(), PageRequest.firstPage()));
        assertThrows(PermissionDeniedException.class,
                () -> f.adminCredits.bulkGrant(alice, List.of(alice.userId()), 5L, "x", null));
        assertThrows(NotFoundException.class, () -> f.adminCredits.adjust(root, "user-nobody", 5L, "x", null));
        assertThrows(InvalidInputException.class, () -> f.adminCredits.adjust(root, alice.userId(), 5L, " ", null));
        assertThrows(InvalidInputException.class, () -> f.adminCredits.adjust(root, alice.userId(), 0L, "x", null));
        assertEquals(-50, balance(f, alice));
    }

    @Test
    void aFrozenAdministratorOrAKeyWithoutTheAdminPermissionAdjustsNothing() {
        Actor root = admin(f);
        Actor alice = f.newUser("alice");
        Actor keyed = new Actor(root.userId(), root.workspaceId(),
                new KeyScope(UUID.randomUUID(), ApiKeyPermissions.readOnly(), 100, 99, 0));
        assertEquals("INSUFFICIENT_KEY_PERMISSIONS", assertThrows(PermissionDeniedException.class,
                () -> f.adminCredits.adjust(keyed, alice.userId(), 5L, "by key", null)).code());
        UserAccount a = f.storage.users().findById(root.userId()).orElseThrow();
        f.storage.unitOfWork().inTransaction(() -> f.storage.users().update(a.administered(a.tier(),
                AccountStatus.SUSPENDED, true, a.availableAdapters(), f.clock.now())));
        assertEquals("ADMIN_REQUIRED", assertThrows(PermissionDeniedException.class,
                () -> f.adminCredits.adjust(root, alice.userId(), 5L, "while frozen", null)).code());
        assertThrows(PermissionDeniedException.class,
                () -> f.adminCredits.bulkGrant(root, List.of(alice.userId()), 5L, "while frozen", null));
        assertEquals(100, balance(f, alice));
    }

    @Test
    void aBulkGrantReportsEachUser() {
        Actor root = admin(f);
        Actor alice = f.newUser("alice");
        Actor bob = f.newUser("bob");
        AdjustCredits.BulkResult r = f.adminCredits.bulkGrant(root,
                List.of(alice.userId(), "user-nobody", bob.userId()), 25L, "launch", null);
        assertEquals(List.of(alice.userId(), bob.userId()), r.successful());
        assertEquals(List.of(new AdjustCredits.Failure("user-nobody", "User not found")), r.failed());
        assertEquals(125, balance(f, alice));
        assertEquals(125, balance(f, bob));
        assertThrows(InvalidInputException.class, () -> f.adminCredits.bulkGrant(root, List.of(), 5L, "x", null));
        assertThrows(InvalidInputException.class,
                () -> f.adminCredits.bulkGrant(root, List.of(alice.userId()), -5L, "x", null));
    }

    @Test
    void historyPagesNewestFirstAndKeysAreRefused() {
        Actor root = admin(f);
        Actor alice = f.newUser("alice");
        for (int i = 1; i <= 4; i++) {
            f.adminCredits.adjust(root, alice.userId(), (long) i, "gift " + i, null);
        }
        CreditQueries.History first = f.credits.queries().history(alice, PageRequest.first(3));
        assertEquals(List.of(5L, 4L, 3L), first.page().items().stream().map(CreditTransaction::sequence).toList());
        assertEquals(110, first.totalCredits());
        CreditQueries.History rest = f.credits.queries().history(alice,
                new PageRequest(3, first.page().nextCursor()));
        assertEquals(List.of(2L, 1L), rest.page().items().stream().map(CreditTransaction::sequence).toList());
        assertTrue(rest.page().next().isEmpty());
        assertThrows(InvalidInputException.class, () -> f.credits.queries().history(alice,
                new PageRequest(3, "not-a-cursor")));
        Actor keyed = new Actor(alice.userId(), alice.workspaceId(),
                new KeyScope(UUID.randomUUID(), ApiKeyPermissions.readOnly(), 100, 99, 0));
        assertEquals("PASSWORD_SESSION_REQUIRED", assertThrows(PermissionDeniedException.class,
                () -> f.credits.queries().balance(keyed)).code());
    }
}
