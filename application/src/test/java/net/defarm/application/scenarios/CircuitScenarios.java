package net.defarm.application.scenarios;

import static net.defarm.application.testing.Fixture.lote;
import static net.defarm.application.testing.Fixture.sisbov;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.circuits.ManageCircuits;
import net.defarm.application.circuits.PushToCircuit;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.circuits.AccessMode;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitAliasConfig;
import net.defarm.domain.circuits.CircuitMember;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.CircuitPermissions;
import net.defarm.domain.circuits.CircuitStatus;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.items.Dfid;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.notifications.Notification;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Circuits and tokenization, given/when/then cases 28-50 (docs/domain-rules.md). */
public abstract class CircuitScenarios extends StoreScenarios {

    private Actor owner;
    private Actor member;
    private Actor viewer;
    private Actor outsider;

    @BeforeEach
    void setUp() {
        owner = f.newUser("owner");
        member = f.newUser("member");
        viewer = f.newUser("viewer");
        outsider = f.newUser("outsider");
    }

    private Circuit circuit(CircuitPermissions permissions, CircuitAliasConfig alias) {
        Circuit c = f.circuits.manage().create(owner, new ManageCircuits.NewCircuit("Lote Nelore", "cattle", alias,
                permissions, null, null));
        f.circuits.membership().addMember(owner, c.circuitId(), member.userId(), MemberRole.MEMBER);
        return f.circuits.membership().addMember(owner, c.circuitId(), viewer.userId(), MemberRole.VIEWER);
    }

    private Circuit circuit() {
        return circuit(null, null);
    }

    private ManageCircuits.PublicSettingsRequest publicSettings(AccessMode mode, Instant date, String password,
                                                                boolean autoApprove, boolean autoPublish) {
        return new ManageCircuits.PublicSettingsRequest(mode, date, password, "Public name", null, null, null, null,
                null, null, null, autoApprove, autoPublish, false, null, null, null);
    }

    private void setTier(Actor actor, UserTier tier) {
        UserAccount a = f.storage.users().findById(actor.userId()).orElseThrow();
        f.storage.unitOfWork().inTransaction(() -> f.storage.users().update(new UserAccount(a.userId(), a.username(),
                a.email(), a.passwordHash(), tier, a.status(), a.credits(), a.createdAt(), a.updatedAt(),
                a.lastLogin(), a.admin(), a.workspaceId(), a.availableAdapters(), a.version(),
                a.sessionsValidFrom())));
    }

    private List<Event> timeline(Actor actor, String dfid) {
        return f.events.queries().forItem(actor, dfid, PageRequest.firstPage()).items();
    }

    @Test
    void case28_localEventsPushedToACircuitJoinTheItemOnce() {
        Circuit c = circuit();
        Item item = f.createItem(member, null, lote("E28"));
        f.circuits.push().push(member, c.circuitId(), item.dfid());
        Event local = f.events.recordEvent().recordLocal(member, EventType.UPDATED, EventVisibility.PUBLIC,
                JsonObject.of("weight", JsonValue.of("470kg")));
        List<PushToCircuit.EventPush> pushed = f.circuits.push().pushEvents(member, c.circuitId(), item.dfid(),
                List.of(local.localEventId()));
        assertEquals(1, pushed.size());
        assertFalse(pushed.getFirst().deduplicated());
        Event attached = f.events.queries().get(member, local.eventId());
        assertEquals(item.dfid(), attached.dfid());
        assertFalse(attached.local());
        assertEquals(c.circuitId(), attached.pushedToCircuit());
        assertTrue(f.circuits.push().pushEvents(member, c.circuitId(), item.dfid(), List.of(local.localEventId()))
                .isEmpty(), "pushing the same local id again finds nothing to push");
    }

    @Test
    void pushEventsNamesARecordedTwinOnlyWhenTheCallerMayReadIt() {
        Circuit c = circuit();
        Item item = f.createItem(member, null, lote("E28b"));
        f.circuits.push().push(member, c.circuitId(), item.dfid());
        JsonObject fact = JsonObject.of("weight", JsonValue.of("480kg"));
        Event first = f.events.recordEvent().recordLocal(member, EventType.UPDATED, EventVisibility.PUBLIC, fact);
        f.circuits.push().pushEvents(member, c.circuitId(), item.dfid(), List.of(first.localEventId()));
        Event again = f.events.recordEvent().recordLocal(member, EventType.UPDATED, EventVisibility.PUBLIC, fact);
        PushToCircuit.EventPush own = f.circuits.push().pushEvents(member, c.circuitId(), item.dfid(),
                List.of(again.localEventId())).getFirst();
        assertEquals(new PushToCircuit.EventPush(again.localEventId(), first.eventId(), item.dfid(), true,
                first.eventId()), own, "the caller's own recorded event is named");

        // A stored event with the same content hash that is someone else's private event is never named.
        Event local = f.events.recordEvent().recordLocal(member, EventType.UPDATED, EventVisibility.PUBLIC,
                JsonObject.of("weight", JsonValue.of("490kg")));
        Event foreign = new Event(UUID.randomUUID(), item.dfid(), EventType.UPDATED, f.clock.now(),
                outsider.userId(), JsonObject.of("secret", JsonValue.of("x")), true, EventVisibility.PRIVATE,
                local.hashIfAttachedTo(item.dfid()), null, false, null, 0);
        f.storage.events().insertIfAbsent(foreign);
        PushToCircuit.EventPush hidden = f.circuits.push().pushEvents(member, c.circuitId(), item.dfid(),
                List.of(local.localEventId())).getFirst();
        assertEquals(new PushToCircuit.EventPush(local.localEventId(), local.eventId(), item.dfid(), true, null),
                hidden);
        assertTrue(f.events.queries().getLocal(member, local.localEventId()).local(), "it stays local");
    }

    @Test
    void case29_pushEventsNeedsPushAndAKnownCircuit() {
        Circuit c = circuit();
        Item item = f.createItem(viewer, null, lote("E29"));
        Event local = f.events.recordEvent().recordLocal(viewer, EventType.UPDATED, EventVisibility.PUBLIC,
                JsonObject.EMPTY);
        assertThrows(PermissionDeniedException.class, () -> f.circuits.push().pushEvents(viewer, c.circuitId(),
                item.dfid(), List.of(local.localEventId())));
        assertThrows(NotFoundException.class, () -> f.circuits.push().pushEvents(viewer, UUID.randomUUID(),
                item.dfid(), List.of(local.localEventId())));
    }

    @Test
    void case30_aNewCircuitHasItsOwnerAsOnlyMember() {
        Circuit c = f.circuits.manage().create(owner, new ManageCircuits.NewCircuit("C30", "d", null, null, null,
                null));
        assertEquals(1, c.members().size());
        CircuitMember m = c.members().getFirst();
        assertEquals(owner.userId(), m.memberId());
        assertEquals(MemberRole.OWNER, m.role());
        assertEquals(EnumSet.allOf(Permission.class), m.permissions());
        assertEquals(List.of("Owner", "Member"), c.customRoles().stream().map(r -> r.roleName()).toList());
        assertEquals(CircuitStatus.ACTIVE, c.status());
        assertEquals(CircuitPermissions.NONE, c.permissions());
        assertEquals("generic", c.defaultNamespace());
        assertEquals(c, f.circuits.queries().get(owner, c.circuitId()));
    }

    @Test
    void case31_invitingNeedsInviteAndMembersAreUnique() {
        Circuit c = circuit();
        assertThrows(PermissionDeniedException.class, () -> f.circuits.membership().addMember(member, c.circuitId(),
                outsider.userId(), MemberRole.MEMBER));
        ConflictException dup = assertThrows(ConflictException.class, () -> f.circuits.membership()
                .addMember(owner, c.circuitId(), member.userId(), MemberRole.VIEWER));
        assertEquals("Member is already in the circuit", dup.getMessage());
    }

    @Test
    void case32_aPushCompletesRecordsActivityAndACircuitOnlyEvent() {
        Circuit c = circuit();
        Item item = f.createItem(member, null, lote("P32"));
        CircuitOperation op = f.circuits.push().push(member, c.circuitId(), item.dfid());
        assertEquals(CircuitOperation.Status.COMPLETED, op.status());
        assertEquals(1, f.circuits.queries().items(owner, c.circuitId(), false, PageRequest.firstPage()).items().size());
        var activities = f.circuits.queries().activities(owner, c.circuitId(), PageRequest.firstPage()).items();
        assertEquals(1, activities.size());
        assertEquals("Success", activities.getFirst().status());
        Event pushed = timeline(member, item.dfid()).stream().filter(e -> e.type() == EventType.PUSHED_TO_CIRCUIT)
                .findFirst().orElseThrow();
        assertEquals(EventVisibility.CIRCUIT_ONLY, pushed.visibility());
        assertEquals(c.circuitId().toString(), pushed.metadata().getString("circuit_id").orElseThrow());
        assertEquals(member.userId(), pushed.metadata().getString("requester_id").orElseThrow());
        assertEquals("push", pushed.metadata().getString("operation").orElseThrow());
        assertEquals(item, f.items.queries().get(viewer, item.dfid()), "members read items pushed into the circuit");
        assertThrows(NotFoundException.class, () -> f.items.queries().get(outsider, item.dfid()));
        assertTrue(f.events.queries().get(viewer, pushed.eventId()).visibility() == EventVisibility.CIRCUIT_ONLY);
        assertThrows(NotFoundException.class, () -> f.events.queries().get(outsider, pushed.eventId()));

        f.circuits.manage().update(owner, c.circuitId(), null, null, null, null, true);
        Item other = f.createItem(member, null, lote("P32b"));
        f.circuits.push().push(member, c.circuitId(), other.dfid());
        assertEquals(EventVisibility.PUBLIC, timeline(member, other.dfid()).getLast().visibility());
    }

    @Test
    void case33_approvalGatedPushWaitsForAnApprover() {
        Circuit c = circuit(new CircuitPermissions(true, false, false), null);
        Item item = f.createItem(member, null, lote("P33"));
        CircuitOperation op = f.circuits.push().push(member, c.circuitId(), item.dfid());
        assertEquals(CircuitOperation.Status.PENDING, op.status());
        assertTrue(f.circuits.queries().items(owner, c.circuitId(), false, PageRequest.firstPage()).items().isEmpty());
        assertEquals(EventType.PUSHED_TO_CIRCUIT, timeline(member, item.dfid()).getLast().type());
        assertThrows(PermissionDeniedException.class, () -> f.circuits.approvals().approve(member, op.operationId()));
        CircuitOperation approved = f.circuits.approvals().approve(owner, op.operationId());
        assertEquals(CircuitOperation.Status.COMPLETED, approved.status());
        assertEquals(List.of(item.dfid()), f.circuits.queries().items(owner, c.circuitId(), false,
                PageRequest.firstPage()).items().stream().map(v -> v.item().dfid()).toList());
        assertEquals(member.userId(), f.circuits.queries().items(owner, c.circuitId(), false, PageRequest.firstPage())
                .items().getFirst().item().pushedBy());
        ConflictException again = assertThrows(ConflictException.class,
                () -> f.circuits.approvals().approve(owner, op.operationId()));
        assertEquals("OPERATION_NOT_PENDING", again.code());
    }

    @Test
    void case34_rejectionRecordsReasonAndRejecter() {
        Circuit c = circuit(new CircuitPermissions(true, false, false), null);
        Item item = f.createItem(member, null, lote("P34"));
        CircuitOperation op = f.circuits.push().push(member, c.circuitId(), item.dfid());
        CircuitOperation rejected = f.circuits.approvals().reject(owner, op.operationId(), "bad");
        assertEquals(CircuitOperation.Status.REJECTED, rejected.status());
        assertEquals("bad", rejected.metadata().get("rejection_reason"));
        assertEquals(owner.userId(), rejected.metadata().get("rejected_by"));
        assertNotNull(rejected.metadata().get("rejected_at"));
        assertEquals(rejected, f.storage.operations().findById(op.operationId()).orElseThrow());
        assertThrows(ConflictException.class, () -> f.circuits.approvals().approve(owner, op.operationId()));
    }

    @Test
    void case35_unknownItemIs404AndNonMemberIs403() {
        Circuit c = circuit();
        assertThrows(NotFoundException.class, () -> f.circuits.push().push(member, c.circuitId(),
                "DFID-20250101-000001-F7BD"));
        Item mine = f.createItem(outsider, null, lote("P35"));
        assertThrows(PermissionDeniedException.class, () -> f.circuits.push().push(outsider, c.circuitId(),
                mine.dfid()));
    }

    @Test
    void case36_aRestrictedAdapterNeedsTheAdapterUnlessSponsored() {
        setTier(owner, UserTier.ENTERPRISE);
        Circuit c = circuit();
        f.circuits.manage().setAdapter(owner, c.circuitId(), new ManageCircuits.AdapterRequest(
                AdapterType.STELLAR_MAINNET_IPFS, false, false, false));
        Item item = f.createItem(member, null, lote("P36"));
        PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
                () -> f.circuits.push().push(member, c.circuitId(), item.dfid()));
        assertEquals("ADAPTER_PERMISSION_DENIED", denied.code());
        assertTrue(denied.getMessage().contains("requires 'StellarMainnetIpfs' adapter access"), denied.getMessage());
        f.circuits.manage().setAdapter(owner, c.circuitId(), new ManageCircuits.AdapterRequest(
                AdapterType.STELLAR_MAINNET_IPFS, false, false, true));
        assertEquals(CircuitOperation.Status.COMPLETED, f.circuits.push().push(member, c.circuitId(), item.dfid())
                .status());
    }

    @Test
    void case37_adapterConfigurationFollowsTierAndNotifiesMembers() {
        Circuit c = circuit();
        PermissionDeniedException basic = assertThrows(PermissionDeniedException.class, () -> f.circuits.manage()
                .setAdapter(owner, c.circuitId(), new ManageCircuits.AdapterRequest(AdapterType.STELLAR_TESTNET_IPFS,
                        false, false, false)));
        assertTrue(basic.getMessage().contains("Your tier (basic) does not have access"), basic.getMessage());
        setTier(owner, UserTier.PROFESSIONAL);
        Circuit configured = f.circuits.manage().setAdapter(owner, c.circuitId(), new ManageCircuits.AdapterRequest(
                AdapterType.STELLAR_TESTNET_IPFS, false, false, false));
        assertEquals(AdapterType.STELLAR_TESTNET_IPFS, configured.adapterConfig().adapterType());
        assertEquals(owner.userId(), configured.adapterConfig().configuredBy());
        for (Actor a : List.of(owner, member, viewer)) {
            List<Notification> notes = f.notifications.list(a, null, false, PageRequest.firstPage()).items();
            assertEquals(1, notes.size());
            assertEquals(Notification.Type.CIRCUIT_ADAPTER_CONFIG_UPDATED, notes.getFirst().type());
        }
        assertTrue(f.notifications.list(outsider, null, false, PageRequest.firstPage()).items().isEmpty());
        assertThrows(PermissionDeniedException.class, () -> f.circuits.manage().setAdapter(member, c.circuitId(),
                new ManageCircuits.AdapterRequest(AdapterType.IPFS_IPFS, false, false, false)));
    }

    @Test
    void case38_pullTakesTheItemOutOrWaitsForApproval() {
        Circuit c = circuit();
        Item item = f.createItem(member, null, lote("P38"));
        f.circuits.push().push(member, c.circuitId(), item.dfid());
        var pulled = f.circuits.pull().pull(viewer, c.circuitId(), item.dfid());
        assertEquals(CircuitOperation.Status.COMPLETED, pulled.operation().status());
        assertEquals(item.dfid(), pulled.item().dfid());
        assertTrue(pulled.events().stream().anyMatch(e -> e.type() == EventType.PUSHED_TO_CIRCUIT));
        assertTrue(f.circuits.queries().items(owner, c.circuitId(), false, PageRequest.firstPage()).items().isEmpty());
        assertEquals(EventType.PULLED_FROM_CIRCUIT, timeline(member, item.dfid()).getLast().type());

        Circuit gated = f.circuits.manage().create(owner, new ManageCircuits.NewCircuit("G38", "d", null,
                new CircuitPermissions(false, true, false), null, null));
        f.circuits.membership().addMember(owner, gated.circuitId(), viewer.userId(), MemberRole.VIEWER);
        f.circuits.membership().addMember(owner, gated.circuitId(), member.userId(), MemberRole.MEMBER);
        f.circuits.push().push(member, gated.circuitId(), item.dfid());
        var pending = f.circuits.pull().pull(viewer, gated.circuitId(), item.dfid());
        assertEquals(CircuitOperation.Status.PENDING, pending.operation().status());
        assertEquals(1, f.circuits.queries().items(owner, gated.circuitId(), false, PageRequest.firstPage()).items()
                .size(), "kept until approval");
        f.circuits.approvals().approve(owner, pending.operation().operationId());
        assertTrue(f.circuits.queries().items(owner, gated.circuitId(), false, PageRequest.firstPage()).items()
                .isEmpty());
    }

    @Test
    void case39_customRolesReplacePermissionsAndProtectTheirHolders() {
        Circuit c = circuit();
        f.circuits.membership().createRole(owner, c.circuitId(), "Auditor", EnumSet.of(Permission.AUDIT), "audits",
                null);
        Circuit assigned = f.circuits.membership().changeRole(owner, c.circuitId(), member.userId(),
                MemberRole.MEMBER, "Auditor");
        assertEquals(Set.of(Permission.AUDIT), assigned.member(member.userId()).orElseThrow().permissions());
        Item item = f.createItem(member, null, lote("P39"));
        assertThrows(PermissionDeniedException.class, () -> f.circuits.push().push(member, c.circuitId(),
                item.dfid()));
        ConflictException inUse = assertThrows(ConflictException.class, () -> f.circuits.membership()
                .deleteRole(owner, c.circuitId(), "Auditor"));
        assertTrue(inUse.getMessage().startsWith("Cannot remove role 'Auditor' - it is assigned to members"));
        InvalidInputException defaults = assertThrows(InvalidInputException.class, () -> f.circuits.membership()
                .deleteRole(owner, c.circuitId(), "Owner"));
        assertEquals("Cannot remove default roles", defaults.getMessage());
        Circuit updated = f.circuits.membership().updateRole(owner, c.circuitId(), "Auditor",
                EnumSet.of(Permission.PULL), null, null);
        assertEquals(Set.of(Permission.PULL), updated.member(member.userId()).orElseThrow().permissions());
        assertThrows(PermissionDeniedException.class, () -> f.circuits.membership().createRole(member, c.circuitId(),
                "X", EnumSet.of(Permission.PUSH), "x", null));
    }

    @Test
    void case40_joinRequestsAreUniqueAndManagersAreTold() {
        Circuit c = circuit();
        f.circuits.membership().changeRole(owner, c.circuitId(), member.userId(), MemberRole.ADMIN, null);
        f.circuits.join().request(outsider, c.circuitId(), "please");
        ConflictException twice = assertThrows(ConflictException.class, () -> f.circuits.join().request(outsider,
                c.circuitId(), "again"));
        assertEquals("User already has a pending request for this circuit", twice.getMessage());
        ConflictException ownerAsks = assertThrows(ConflictException.class, () -> f.circuits.join().request(owner,
                c.circuitId(), null));
        assertEquals("User is already a member of this circuit", ownerAsks.getMessage());
        for (Actor manager : List.of(owner, member)) {
            assertEquals(Notification.Type.JOIN_REQUEST_RECEIVED, f.notifications.list(manager, null, false,
                    PageRequest.firstPage()).items().getFirst().type());
        }
        assertTrue(f.notifications.list(viewer, null, false, PageRequest.firstPage()).items().isEmpty());
        // The decision acts as the caller: naming anyone else (an admin_id) is refused by the use case itself.
        assertThrows(PermissionDeniedException.class, () -> f.circuits.join().approve(owner, c.circuitId(),
                outsider.userId(), MemberRole.VIEWER, List.of(member.userId())));
        assertThrows(PermissionDeniedException.class, () -> f.circuits.join().reject(owner, c.circuitId(),
                outsider.userId(), List.of(member.userId())));
        assertTrue(f.circuits.queries().get(owner, c.circuitId()).pendingRequest(outsider.userId()).isPresent(),
                "a refused decision changes nothing");
        Circuit approved = f.circuits.join().approve(owner, c.circuitId(), outsider.userId(), MemberRole.VIEWER,
                List.of(owner.userId()));
        assertEquals(Set.of(Permission.PULL), approved.member(outsider.userId()).orElseThrow().permissions());
        assertEquals(Notification.Type.JOIN_REQUEST_APPROVED, f.notifications.list(outsider, null, false,
                PageRequest.firstPage()).items().getFirst().type());
    }

    @Test
    void case41_publicSettingsAreValidatedAndPublicSinceIsSetOnce() {
        Circuit c = circuit();
        assertThrows(InvalidInputException.class, () -> f.circuits.manage().setPublicSettings(owner, c.circuitId(),
                publicSettings(AccessMode.PROTECTED, null, null, false, false)));
        assertThrows(InvalidInputException.class, () -> f.circuits.manage().setPublicSettings(owner, c.circuitId(),
                publicSettings(AccessMode.SCHEDULED, null, null, false, false)));
        Circuit pub = f.circuits.manage().setPublicSettings(owner, c.circuitId(),
                publicSettings(AccessMode.PUBLIC, null, null, false, false));
        assertTrue(pub.permissions().allowPublicVisibility());
        Instant since = pub.publicSettings().publicSince();
        assertNotNull(since);
        f.clock.advance(Duration.ofMinutes(5));
        Circuit again = f.circuits.manage().setPublicSettings(owner, c.circuitId(),
                publicSettings(AccessMode.PUBLIC, null, null, true, false));
        assertEquals(since, again.publicSettings().publicSince());
        assertThrows(PermissionDeniedException.class, () -> f.circuits.manage().setPublicSettings(member,
                c.circuitId(), publicSettings(AccessMode.PUBLIC, null, null, false, false)));
    }

    @Test
    void case42_scheduledCircuitsOpenOnTheirDate() {
        Circuit c = circuit();
        Instant future = f.clock.now().plus(Duration.ofDays(1));
        f.circuits.manage().setPublicSettings(owner, c.circuitId(),
                publicSettings(AccessMode.SCHEDULED, future, null, true, false));
        assertThrows(NotFoundException.class, () -> f.circuits.queries().publicInfo(c.circuitId()));
        assertThrows(PermissionDeniedException.class, () -> f.circuits.join().joinPublic(outsider, c.circuitId(),
                null, null));
        f.clock.advance(Duration.ofDays(2));
        assertEquals(c.circuitId(), f.circuits.queries().publicInfo(c.circuitId()).circuit().circuitId());
        assertFalse(f.circuits.join().joinPublic(outsider, c.circuitId(), null, null).pending());
    }

    @Test
    void case43_protectedCircuitsNeedTheirPassword() {
        Circuit c = circuit();
        Circuit set = f.circuits.manage().setPublicSettings(owner, c.circuitId(),
                publicSettings(AccessMode.PROTECTED, null, "s3cret", true, false));
        assertNotEquals("s3cret", set.publicSettings().accessPasswordHash(), "only a hash is stored");
        PermissionDeniedException wrong = assertThrows(PermissionDeniedException.class, () -> f.circuits.join()
                .joinPublic(outsider, c.circuitId(), "nope", null));
        assertEquals("Permission denied: Invalid access password", wrong.getMessage());
        var joined = f.circuits.join().joinPublic(outsider, c.circuitId(), "s3cret", null);
        assertFalse(joined.pending());
        assertEquals(MemberRole.MEMBER, f.circuits.queries().get(outsider, c.circuitId()).member(outsider.userId())
                .orElseThrow().role());
    }

    @Test
    void case44_autoPublishAddsAPushedItemOnce() {
        Circuit c = circuit();
        f.circuits.manage().setPublicSettings(owner, c.circuitId(),
                publicSettings(AccessMode.PUBLIC, null, null, false, true));
        Item item = f.createItem(member, null, lote("P44"));
        f.circuits.push().push(member, c.circuitId(), item.dfid());
        f.circuits.push().push(member, c.circuitId(), item.dfid());
        assertEquals(List.of(item.dfid()), f.circuits.queries().get(owner, c.circuitId()).publicSettings()
                .publishedItems());
        var info = f.circuits.queries().publicInfo(c.circuitId());
        assertEquals(1, info.publishedWithEvents().size());
        assertTrue(info.publishedWithEvents().getFirst().events().stream()
                .allMatch(e -> e.visibility() == EventVisibility.PUBLIC));
    }

    @Test
    void case45_theIdentifierPolicyRefusesWhatItDoesNotAllow() {
        Circuit c = circuit(null, CircuitAliasConfig.bovineTraceability());
        InvalidInputException noSisbov = assertThrows(InvalidInputException.class, () -> f.circuits.push()
                .pushLocal(member, c.circuitId(), UUID.randomUUID(), List.of(Identifier.contextual("bovino", "brinco",
                        "1")), null));
        assertEquals("Validation error: Required canonical identifier 'sisbov' not provided", noSisbov.getMessage());
        InvalidInputException soja = assertThrows(InvalidInputException.class, () -> f.circuits.push()
                .pushLocal(member, c.circuitId(), UUID.randomUUID(), List.of(Identifier.canonical("soja", "sisbov",
                        "BR123456789012")), null));
        assertEquals("Validation error: Namespace 'soja' not allowed in this circuit", soja.getMessage());
        InvalidInputException format = assertThrows(InvalidInputException.class, () -> f.circuits.push()
                .pushLocal(member, c.circuitId(), UUID.randomUUID(), List.of(sisbov("BR123")), null));
        assertEquals("Validation error: Invalid identifier format: bovino:sisbov:BR123", format.getMessage());
    }

    @Test
    void case46and47_tokenizationIssuesADfidThenResolvesTheSameCanonicalIdentifierToIt() {
        Circuit c = circuit(null, CircuitAliasConfig.bovineTraceability());
        Item local = f.items.localItems().create(member, List.of(sisbov("BR123456789012")),
                JsonObject.of("raca", JsonValue.of("Nelore")));
        PushToCircuit.Tokenization first = f.circuits.push().pushLocal(member, c.circuitId(), local.localId(), null,
                null);
        assertEquals(PushToCircuit.TokenizationStatus.NEW_ITEM_CREATED, first.status());
        assertTrue(Dfid.isValid(first.dfid()));
        Item tokenized = f.items.queries().get(member, first.dfid());
        assertEquals(local.localId(), tokenized.localId());
        assertEquals(1, tokenized.aliases().size());
        assertEquals("user:" + member.userId(), tokenized.aliases().getFirst().scheme());
        assertEquals(first.dfid(), f.items.localItems().mapping(member, local.localId()).dfid());

        // Another user meeting the same canonical identifier is told it is registered; the item is untouched
        // (docs/adr/0008-tokenization-never-crosses-owners.md).
        ConflictException taken = assertThrows(ConflictException.class, () -> f.circuits.push().pushLocal(owner,
                c.circuitId(), UUID.randomUUID(), List.of(sisbov("BR123456789012")),
                JsonObject.of("peso", JsonValue.of(450))));
        assertEquals("IDENTIFIER_ALREADY_REGISTERED", taken.code());
        assertFalse(taken.getMessage().contains(first.dfid()) || taken.getMessage().contains(member.userId()));
        assertEquals("{\"raca\":\"Nelore\"}", f.items.queries().get(member, first.dfid()).enrichedData()
                .toCanonicalJson(), "another user never changes the owner's item");

        PushToCircuit.Tokenization second = f.circuits.push().pushLocal(member, c.circuitId(), UUID.randomUUID(),
                List.of(sisbov("BR123456789012")), JsonObject.of("raca", JsonValue.of("Nelore PO")));
        assertEquals(PushToCircuit.TokenizationStatus.EXISTING_ITEM_ENRICHED, second.status());
        assertEquals(first.dfid(), second.dfid());
        Item enriched = f.items.queries().get(member, first.dfid());
        assertEquals(2, enriched.aliases().size());
        assertEquals("Nelore PO", enriched.enrichedData().getString("raca").orElseThrow(),
                "the owner's own tokenization overwrites");
        assertEquals(1, f.circuits.queries().items(owner, c.circuitId(), false, PageRequest.firstPage()).items()
                .size(), "no new item");
    }

    @Test
    void case48_fingerprintTokenizationNeverMatchesSoTwoPushesGiveTwoDfids() {
        Circuit c = circuit(null, CircuitAliasConfig.grainLots());
        List<Identifier> ids = List.of(Identifier.contextual("soja", "lote", "L1"),
                Identifier.contextual("soja", "safra", "2025"));
        String a = f.circuits.push().pushLocal(member, c.circuitId(), UUID.randomUUID(), ids, null).dfid();
        String b = f.circuits.push().pushLocal(member, c.circuitId(), UUID.randomUUID(), ids, null).dfid();
        assertNotEquals(a, b);
        assertNotNull(f.items.queries().get(member, a).fingerprint());
    }

    @Test
    void case49_pushLocalWaitingForApprovalAlreadyPutsTheItemInTheCircuit() {
        Circuit c = circuit(new CircuitPermissions(true, false, false), null);
        PushToCircuit.Tokenization t = f.circuits.push().pushLocal(member, c.circuitId(), UUID.randomUUID(),
                List.of(lote("P49")), null);
        assertEquals(CircuitOperation.Status.PENDING, f.storage.operations().findById(t.operationId()).orElseThrow()
                .status());
        assertEquals(List.of(t.dfid()), f.circuits.queries().items(owner, c.circuitId(), false,
                PageRequest.firstPage()).items().stream().map(v -> v.item().dfid()).toList());
    }

    @Test
    void case50_snapshotsChainFromPushToEvents() {
        Circuit c = circuit();
        PushToCircuit.Tokenization t = f.circuits.push().pushLocal(member, c.circuitId(), UUID.randomUUID(),
                List.of(lote("P50")), null);
        StateSnapshot v1 = f.snapshots.latest(member, t.dfid());
        assertEquals(1, v1.version());
        assertEquals("ItemPushedToCircuit", v1.operation().type());
        f.events.recordEvent().record(member, t.dfid(), EventType.ENRICHED, EventVisibility.PUBLIC,
                JsonObject.of("vacina", JsonValue.of("aftosa")));
        StateSnapshot v2 = f.snapshots.latest(member, t.dfid());
        assertEquals(2, v2.version());
        assertEquals(v1.snapshotId(), v2.parentHash());
        assertTrue(f.snapshots.verify(member, t.dfid()).valid());
        f.events.recordEvent().record(member, t.dfid(), EventType.ENRICHED, EventVisibility.PUBLIC,
                JsonObject.of("vacina", JsonValue.of("aftosa")));
        assertEquals(2, f.snapshots.latest(member, t.dfid()).version(), "a deduplicated event adds no snapshot");
    }

    @Test
    void theUseCasesDecideWhoMaySeeMemberListsAndRoles() {
        Circuit c = circuit();
        assertEquals(List.of(c.circuitId()), f.circuits.queries().listOfMember(member, member.userId(),
                PageRequest.firstPage()).items().stream().map(Circuit::circuitId).toList());
        assertThrows(PermissionDeniedException.class, () -> f.circuits.queries().listOfMember(outsider,
                member.userId(), PageRequest.firstPage()), "another user's circuits are not disclosed");
        assertEquals(c.circuitId(), f.circuits.queries().roles(viewer, c.circuitId()).circuitId());
        assertThrows(NotFoundException.class, () -> f.circuits.queries().roles(outsider, c.circuitId()),
                "a private circuit does not exist for outsiders");
        f.circuits.manage().toggleVisibility(owner, c.circuitId());
        PermissionDeniedException notMember = assertThrows(PermissionDeniedException.class,
                () -> f.circuits.queries().roles(outsider, c.circuitId()));
        assertEquals("NOT_A_MEMBER", notMember.code());
    }

    @Test
    void decisionsActAsTheCallerAndOnlyOnTheirOwnCircuit() {
        Circuit c = circuit(new CircuitPermissions(true, false, false), null);
        Circuit other = f.circuits.manage().create(owner, new ManageCircuits.NewCircuit("Other", "x", null,
                new CircuitPermissions(false, false, false), null, null));
        Item item = f.createItem(member, null, lote("P-decide"));
        CircuitOperation op = f.circuits.push().push(member, c.circuitId(), item.dfid());
        PermissionDeniedException mismatch = assertThrows(PermissionDeniedException.class,
                () -> f.circuits.approvals().approveInCircuit(owner, c.circuitId(), op.operationId(),
                        java.util.Arrays.asList(member.userId(), null)));
        assertEquals("ACTOR_MISMATCH", mismatch.code());
        assertThrows(NotFoundException.class, () -> f.circuits.approvals().approveInCircuit(owner,
                other.circuitId(), op.operationId(), List.of()), "an operation of another circuit is not found");
        assertEquals(CircuitOperation.Status.PENDING, f.storage.operations().findById(op.operationId()).orElseThrow()
                .status(), "refused decisions change nothing");
        assertEquals(CircuitOperation.Status.COMPLETED, f.circuits.approvals().approveInCircuit(owner, c.circuitId(),
                op.operationId(), List.of(owner.userId())).status());
    }

    @Test
    void privateCircuitsAreInvisibleToOutsidersAndListsAreTheCallersCircuits() {
        Circuit c = circuit();
        assertThrows(NotFoundException.class, () -> f.circuits.queries().get(outsider, c.circuitId()));
        assertEquals(List.of(c.circuitId()), f.circuits.queries().list(viewer, true, null, PageRequest.firstPage())
                .items().stream().map(Circuit::circuitId).toList());
        assertTrue(f.circuits.queries().list(outsider, true, null, PageRequest.firstPage()).items().isEmpty());
        f.circuits.manage().toggleVisibility(owner, c.circuitId());
        assertEquals(1, f.circuits.queries().list(outsider, true, null, PageRequest.firstPage()).items().size());
        assertTrue(f.circuits.queries().list(outsider, false, null, PageRequest.firstPage()).items().isEmpty());
    }

    /**
     * Commutative changes made at once (two members added, a join request filed) all land: the use cases retry an
     * optimistic conflict, pausing between attempts. Several rounds, because a lost update shows only sometimes.
     */
    @Test
    void concurrentMemberAdditionsBothLand() throws Exception {
        for (int round = 0; round < 10; round++) {
            Circuit c = circuit();
            Actor x = f.newUser("x");
            Actor y = f.newUser("y");
            Actor z = f.newUser("z");
            List<Thread> threads = List.of(
                    Thread.ofVirtual().start(() -> f.circuits.membership().addMember(owner, c.circuitId(), x.userId(),
                            MemberRole.MEMBER)),
                    Thread.ofVirtual().start(() -> f.circuits.membership().addMember(owner, c.circuitId(), y.userId(),
                            MemberRole.MEMBER)),
                    Thread.ofVirtual().start(() -> f.circuits.join().request(z, c.circuitId(), "at once")));
            for (Thread t : threads) {
                t.join();
            }
            Circuit after = f.circuits.queries().get(owner, c.circuitId());
            assertTrue(after.isMember(x.userId()) && after.isMember(y.userId()), "round " + round);
            assertTrue(after.pendingRequest(z.userId()).isPresent(), "round " + round);
        }
    }

    @Test
    void notificationsAreOwnAndCountedAndMarkedRead() {
        Circuit c = circuit();
        f.circuits.join().request(outsider, c.circuitId(), "hi");
        f.circuits.join().reject(owner, c.circuitId(), outsider.userId(), List.of());
        f.circuits.join().request(outsider, c.circuitId(), "again");
        List<Notification> ownerNotes = f.notifications.list(owner, null, false, PageRequest.firstPage()).items();
        assertEquals(2, ownerNotes.size());
        assertTrue(ownerNotes.get(0).timestamp().isAfter(ownerNotes.get(1).timestamp()), "newest first");
        assertEquals(2, f.notifications.unreadCount(owner));
        assertThrows(NotFoundException.class, () -> f.notifications.markRead(outsider, ownerNotes.getFirst().id()));
        f.notifications.markRead(owner, ownerNotes.getFirst().id());
        assertEquals(1, f.notifications.unreadCount(owner));
        assertEquals(1, f.notifications.list(owner, null, true, PageRequest.firstPage()).items().size());
        assertEquals(1, f.notifications.list(owner, ownerNotes.get(1).timestamp(), false, PageRequest.firstPage())
                .items().size(), "since is exclusive");
        assertEquals(1, f.notifications.markAllRead(owner));
        assertEquals(0, f.notifications.markAllRead(owner));
        assertEquals(Notification.Type.JOIN_REQUEST_REJECTED, f.notifications.list(outsider, null, false,
                PageRequest.firstPage()).items().getFirst().type());
    }
}
