package net.defarm.application.admin;

import net.defarm.application.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.identity.AccountFields;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.admin.AdminAction;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;

/**
 * Accounts the operator opens from the console (no HTTP, no signed-in caller): the first administrator, and the
 * demonstration accounts of a development database. Both are recorded as admin actions of {@link AdminAction#CONSOLE}.
 */
@UseCase
public final class SetUpAccounts {

    /** A demonstration account: username, tier, administrator or not, opening credits, fixed id when it has one. */
    public record DemoAccount(String username, UserTier tier, boolean admin, long credits, String userId) {
    }

    /** The original service's demonstration accounts. */
    public static final List<DemoAccount> DEMO = List.of(
            new DemoAccount("hen", UserTier.ADMIN, true, 1_000_000, "hen-admin-001"),
            new DemoAccount("pullet", UserTier.PROFESSIONAL, false, UserAccount.REGISTRATION_CREDITS, null),
            new DemoAccount("cock", UserTier.ENTERPRISE, false, UserAccount.REGISTRATION_CREDITS, null),
            new DemoAccount("basic_farmer", UserTier.BASIC, false, UserAccount.REGISTRATION_CREDITS, null),
            new DemoAccount("pro_farmer", UserTier.PROFESSIONAL, false, UserAccount.REGISTRATION_CREDITS, null),
            new DemoAccount("enterprise_farmer", UserTier.ENTERPRISE, false, UserAccount.REGISTRATION_CREDITS,
                    null));

    /** What seeding did: the accounts it opened and those that already existed (left as they were). */
    public record Seeded(List<String> created, List<String> existing) {
    }

    private final UserAccountRepository users;
    private final AdminLog log;
    private final OpeningCredits opening;
    private final PasswordHasher hasher;
    private final UnitOfWork uow;
    private final Clock clock;

    public SetUpAccounts(UserAccountRepository users, AdminActionRepository actions, CreditLedger ledger,
                         PasswordHasher hasher, UnitOfWork uow, Clock clock, AuditTrail audit) {
        this.users = users;
        this.log = new AdminLog(actions, clock, audit);
        this.opening = new OpeningCredits(users, ledger, clock);
        this.hasher = hasher;
        this.uow = uow;
        this.clock = clock;
    }

    /** Opens an administrator (tier Admin); a taken username or email is a conflict, never a silent promotion. */
    public UserAccount createAdmin(String username, String email, String password) {
        String name = AccountFields.username(username);
        String mail = AccountFields.email(email);
        String checked = AccountFields.password(password);
        AccountFields.requireFree(users, name, mail);
        String hash = hasher.hash(checked);
        return open(admin(UUID.randomUUID().toString(), name, mail, hash), 0, "create_admin");
    }

    /**
     * Opens every demonstration account that does not exist yet (by username), all with {@code password};
     * running it again changes nothing.
     */
    public Seeded seedDemo(String password) {
        String hash = hasher.hash(AccountFields.password(password));
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (DemoAccount demo : DEMO) {
            if (users.findByUsername(demo.username()).isPresent()) {
                existing.add(demo.username());
                continue;
            }
            String id = demo.userId() == null ? UUID.randomUUID().toString() : demo.userId();
            UserAccount account = UserAccount.openedByAdministrator(id, demo.username(),
                    demo.username() + "@demo.defarm.local", hash, demo.tier(), null, clock.now());
            open(demo.admin() ? admin(account) : account, demo.credits(), "seed_demo_user");
            created.add(demo.username());
        }
        return new Seeded(created, existing);
    }

    private UserAccount admin(String id, String username, String email, String hash) {
        return admin(UserAccount.openedByAdministrator(id, username, email, hash, UserTier.ADMIN, null,
                clock.now()));
    }

    private UserAccount admin(UserAccount account) {
        return account.administered(account.tier(), AccountStatus.ACTIVE, true, null, account.createdAt());
    }

    private UserAccount open(UserAccount account, long credits, String action) {
        return uow.inTransaction(() -> {
            UserAccount stored = opening.open(account, credits, OpeningCredits.DEMONSTRATION);
            log.record(AdminAction.CONSOLE, action, null, stored, null);
            return stored;
        });
    }
}
