package net.defarm.application.admin;

import net.defarm.application.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.identity.AccountFields;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Retry;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.WireNames;

/**
 * What an administrator does to accounts: open one, read one, change its tier, status, administrator flag or
 * adapter override, freeze and unfreeze it. Each change is recorded (before and after) in the same unit of work.
 * The caller is checked first, before any input: whoever is not an administrator learns nothing else.
 */
@UseCase
public final class AdministerUsers {

    /** Opening credits above this are refused: larger figures are typing mistakes, not grants. */
    public static final long MAX_INITIAL_CREDITS = 1_000_000_000L;

    public record Create(String username, String email, String password, String tier, Long initialCredits,
                         String workspaceId) {
        @Override
        public String toString() {
            return "Create[" + username + "]";
        }
    }

    /**
     * A change; null fields stay as they are. {@code clearAdapters} drops the adapter override (the tier's defaults
     * apply again); {@code creditsGiven} says the request tried to set credits, which this use case refuses.
     */
    public record Update(String tier, String status, Boolean admin, List<String> availableAdapters,
                         boolean clearAdapters, boolean creditsGiven) {
    }

    /** The account after a change, and the change in words ({@code tier: Basic -> Professional, ...}). */
    public record Changed(UserAccount account, String changes) {
    }

    private final AdminGate gate;
    private final UserAccountRepository users;
    private final AdminLog log;
    private final OpeningCredits opening;
    private final PasswordHasher hasher;
    private final UnitOfWork uow;
    private final Clock clock;

    public AdministerUsers(UserAccountRepository users, AdminActionRepository actions, CreditLedger ledger,
                           PasswordHasher hasher, UnitOfWork uow, Clock clock, AuditTrail audit) {
        this.gate = new AdminGate(users);
        this.users = users;
        this.log = new AdminLog(actions, clock, audit);
        this.opening = new OpeningCredits(users, ledger, clock);
        this.hasher = hasher;
        this.uow = uow;
        this.clock = clock;
    }

    public UserAccount create(Actor actor, Create c, String requestId) {
        UserAccount admin = gate.require(actor);
        String username = AccountFields.username(c.username());
        String email = AccountFields.email(c.email());
        String password = AccountFields.password(c.password());
        if (c.tier() == null) {
            throw new InvalidInputException("MISSING_FIELD", "tier is required");
        }
        UserTier tier = tier(c.tier());
        long credits = c.initialCredits() == null ? 0 : c.initialCredits();
        if (credits < 0 || credits > MAX_INITIAL_CREDITS) {
            throw new InvalidInputException("INVALID_FIELD", "initial_credits must be between 0 and "
                    + MAX_INITIAL_CREDITS);
        }
        String workspace = AccountFields.optionalName(c.workspaceId(), "workspace_id");
        AccountFields.requireFree(users, username, email);
        String hash = hasher.hash(password);
        UserAccount account = UserAccount.openedByAdministrator(UUID.randomUUID().toString(), username, email, hash,
                tier, workspace, clock.now());
        return uow.inTransaction(() -> {
            UserAccount stored = opening.open(account, credits, OpeningCredits.BY_ADMINISTRATOR);
            log.record(admin.userId(), "create_user", null, stored, requestId);
            return stored;
        });
    }

    public UserAccount get(Actor actor, String userId) {
        gate.require(actor);
        return find(userId);
    }

    public Changed update(Actor actor, String userId, Update u, String requestId) {
        UserAccount admin = gate.require(actor);
        if (u.creditsGiven()) {
            throw new InvalidInputException("CREDITS_NOT_UPDATABLE_HERE", "credits are not set here: adjust them "
                    + "with POST /api/admin/users/{user_id}/credits, which records the transaction");
        }
        UserTier tier = u.tier() == null ? null : tier(u.tier());
        AccountStatus status = u.status() == null ? null : status(u.status());
        List<String> adapters = u.availableAdapters() == null ? null : adapters(u.availableAdapters());
        return change(admin, userId, "update_user", requestId, current -> {
            if (admin.userId().equals(current.userId()) && (Boolean.FALSE.equals(u.admin())
                    || status != null && status != AccountStatus.ACTIVE)) {
                throw ownAccess();
            }
            List<String> newAdapters = u.clearAdapters() ? null : adapters == null ? current.availableAdapters()
                    : adapters;
            return current.administered(tier == null ? current.tier() : tier,
                    status == null ? current.status() : status, u.admin() == null ? current.admin() : u.admin(),
                    newAdapters, clock.now());
        });
    }

    /** Suspends the account: its tokens and keys are refused from the next request on, on every instance. */
    public Changed freeze(Actor actor, String userId, String requestId) {
        UserAccount admin = gate.require(actor);
        return change(admin, userId, "freeze_user", requestId, current -> {
            if (admin.userId().equals(current.userId())) {
                throw ownAccess();
            }
            return current.administered(current.tier(), AccountStatus.SUSPENDED, current.admin(),
                    current.availableAdapters(), clock.now());
        });
    }

    public Changed unfreeze(Actor actor, String userId, String requestId) {
        UserAccount admin = gate.require(actor);
        return change(admin, userId, "unfreeze_user", requestId, current -> current.administered(current.tier(),
                AccountStatus.ACTIVE, current.admin(), current.availableAdapters(), clock.now()));
    }

    private Changed change(UserAccount admin, String userId, String action, String requestId,
                           java.util.function.UnaryOperator<UserAccount> edit) {
        return Retry.onStale(() -> uow.inTransaction(() -> {
            UserAccount before = find(userId);
            UserAccount after = users.update(edit.apply(before));
            log.record(admin.userId(), action, before, after, requestId);
            return new Changed(after, describe(before, after));
        }));
    }

    private UserAccount find(String userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
    }

    private static ConflictException ownAccess() {
        return new ConflictException("OWN_ACCESS", "Administrators cannot freeze, suspend or demote their own "
                + "account; ask another administrator");
    }

    static String describe(UserAccount before, UserAccount after) {
        List<String> changes = new ArrayList<>();
        if (before.tier() != after.tier()) {
            changes.add("tier: " + before.tier().display() + " -> " + after.tier().display());
        }
        if (before.status() != after.status()) {
            changes.add("status: " + before.status().display() + " -> " + after.status().display());
        }
        if (before.admin() != after.admin()) {
            changes.add("is_admin: " + before.admin() + " -> " + after.admin());
        }
        if (!Objects.equals(before.availableAdapters(), after.availableAdapters())) {
            changes.add("available_adapters: " + before.availableAdapters() + " -> " + after.availableAdapters());
        }
        return String.join(", ", changes);
    }

    static UserTier tier(String text) {
        return WireNames.find(UserTier.values(), UserTier::display, text).orElseThrow(() -> new InvalidInputException(
                "INVALID_TIER", "tier must be one of Basic, Professional, Enterprise, Admin"));
    }

    static AccountStatus status(String text) {
        return WireNames.find(AccountStatus.values(), AccountStatus::display, text).orElseThrow(() ->
                new InvalidInputException("INVALID_STATUS",
                        "status must be one of Active, Suspended, Banned, PendingVerification, TrialExpired"));
    }

    private static List<String> adapters(List<String> names) {
        if (names.size() > 32) {
            throw new InvalidInputException("INVALID_FIELD", "available_adapters holds at most 32 adapters");
        }
        return names.stream().map(n -> AdapterType.parse(n).filter(t -> !t.equals(AdapterType.NONE))
                .orElseThrow(() -> new InvalidInputException("INVALID_ADAPTER", "unknown adapter '" + n + "' in "
                        + "available_adapters (for example ipfs-ipfs, stellar_testnet-ipfs, stellar_mainnet-ipfs)"))
                .wireName()).distinct().toList();
    }
}
