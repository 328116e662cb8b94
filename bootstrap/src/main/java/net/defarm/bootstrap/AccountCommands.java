package net.defarm.bootstrap;

import net.defarm.application.audit.AuditUseCases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.security.BcryptPasswordHasher;
import net.defarm.application.admin.SetUpAccounts;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.DomainException;

/**
 * The console's account commands: {@code create-admin USERNAME EMAIL} opens an administrator, {@code seed-demo
 * --development} the original service's demonstration accounts. Passwords come from a variable or standard input,
 * never from the command line (where any user of the machine could read them) and never from a default.
 * Both refuse the memory store: the accounts would vanish with the command's own process.
 */
final class AccountCommands {

    static final String ADMIN_PASSWORD = "ADMIN_PASSWORD";
    static final String DEMO_PASSWORD = "DEMO_PASSWORD";
    static final String DEVELOPMENT_FLAG = "--development";

    private static final System.Logger LOG = System.getLogger(AccountCommands.class.getName());

    private AccountCommands() {
    }

    static int createAdmin(ServiceSettings settings, List<String> args, Map<String, String> env, InputStream stdin) {
        if (args.size() != 2) {
            return usage("create-admin USERNAME EMAIL (password in " + ADMIN_PASSWORD + " or on standard input)");
        }
        return withSetup(settings, "create-admin", ADMIN_PASSWORD, env, stdin, (setup, password) -> {
            UserAccount admin = setup.createAdmin(args.get(0), args.get(1), password);
            LOG.log(Level.INFO, "create-admin: administrator '" + admin.username() + "' created with id "
                    + admin.userId());
        });
    }

    static int seedDemo(ServiceSettings settings, List<String> args, Map<String, String> env, InputStream stdin) {
        if (!args.equals(List.of(DEVELOPMENT_FLAG))) {
            LOG.log(Level.ERROR, "seed-demo creates demonstration accounts (hen, an administrator, and five farmers) "
                    + "that share one password; it is for development databases only. Confirm with: seed-demo "
                    + DEVELOPMENT_FLAG + " (password in " + DEMO_PASSWORD + " or on standard input)");
            return 2;
        }
        return withSetup(settings, "seed-demo", DEMO_PASSWORD, env, stdin, (setup, password) -> {
            SetUpAccounts.Seeded seeded = setup.seedDemo(password);
            LOG.log(Level.INFO, "seed-demo: created " + seeded.created() + ", already present " + seeded.existing());
        });
    }

    private interface Work {
        void run(SetUpAccounts setup, String password);
    }

    private static int withSetup(ServiceSettings settings, String command, String variable, Map<String, String> env,
                                 InputStream stdin, Work work) {
        if (settings.storageMode() == ServiceSettings.StorageMode.MEMORY) {
            LOG.log(Level.ERROR, command + " needs a database: in memory mode the accounts would vanish when this "
                    + "command exits. Set STORAGE_MODE=postgres and DATABASE_URL (and run the service against it)");
            return 2;
        }
        Optional<String> password = password(variable, env, stdin);
        if (password.isEmpty()) {
            LOG.log(Level.ERROR, command + ": no password; set " + variable + " or pass it on standard input");
            return 2;
        }
        // Straight to PostgreSQL (no cache tier, no write-through bulk load): a new account has nothing cached.
        OpenedStorage storage = OpenedStorage.open(settings.withStorageMode(ServiceSettings.StorageMode.POSTGRES)
                .withCache(CacheSettings.defaults(CacheSettings.Kind.NONE)));
        try {
            StoragePorts ports = storage.ports();
            work.run(new SetUpAccounts(ports.users(), ports.adminActions(), ports.credits(),
                    new BcryptPasswordHasher(settings.bcryptCost()), ports.unitOfWork(), new SystemClock(),
                    AuditUseCases.create(ports.audit(), ports.users()::findById, ports.unitOfWork(),
                            new SystemClock(), settings.auditEnabled()).trail()),
                    password.get());
            return 0;
        } catch (DomainException e) {
            LOG.log(Level.ERROR, command + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, command + " failed: " + e.getMessage());
            return 1;
        } finally {
            try {
                storage.closer().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the store failed: " + e.getMessage());
            }
        }
    }

    /** The variable when set, else the first line of standard input (nothing when both are empty). */
    private static Optional<String> password(String variable, Map<String, String> env, InputStream stdin) {
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return Optional.ofNullable(line).filter(l -> !l.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int usage(String what) {
        LOG.log(Level.ERROR, "usage: " + what);
        return 2;
    }
}
