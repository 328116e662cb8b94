package net.defarm.bootstrap;

import io.helidon.logging.common.LogConfig;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.postgres.PostgresMigrations;
import net.defarm.application.delivery.DispatchOutbox;
import net.defarm.application.wiring.UseCases;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.application.storage.StoragePorts;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts the service with the settings from {@code application.yaml} and the environment. */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    /**
     * {@code main()} serves; {@code migrate} applies the database migrations and exits; {@code export [FILE]}
     * writes every record as JSON Lines (to standard output without FILE); {@code import FILE} reads such a file
     * into the configured store and compares what it holds afterwards with the file; {@code create-admin} and
     * {@code seed-demo} open accounts ({@link AccountCommands}).
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        ServiceSettings settings;
        try {
            // Two sources only (our variables over the file): faster than Helidon's default configuration, which
            // would look for more sources, and no variable outside the documented ones changes a setting.
            settings = ServiceSettings.load(System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0) {
            int status = switch (args[0]) {
                case "migrate" -> migrate(settings);
                case "dispatch" -> dispatch(settings);
                case "export" -> export(settings, args.length > 1 ? args[1] : "-");
                case "import" -> args.length > 1 ? importFile(settings, Path.of(args[1])) : usage("import FILE");
                case "create-admin" -> AccountCommands.createAdmin(settings, rest(args), System.getenv(), System.in);
                case "seed-demo" -> AccountCommands.seedDemo(settings, rest(args), System.getenv(), System.in);
                case "audit-verify" -> AuditCommands.verify(settings);
                case "audit-retention" -> AuditCommands.retention(settings);
                default -> usage("migrate | dispatch | export [FILE] | import FILE | create-admin USERNAME EMAIL | "
                        + "seed-demo --development | audit-verify | audit-retention (or nothing, to serve)");
            };
            System.exit(status);
        }
        Service service;
        try {
            service = Service.start(settings, Service.jvmStartNanos());
        } catch (RuntimeException e) {
            // One line that says why; the stack trace would only bury it.
            LOG.log(Level.ERROR, "the service could not start: " + reason(e));
            System.exit(1);
            return;
        }
        // SIGTERM (a platform scaling an instance down): stop taking requests, finish those in flight, close pools.
        // Standard error, not the logger: the logging system shuts itself down in a hook of its own.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            System.err.println("stopping: draining requests in flight");
            service.close();
            System.err.println("stopped");
        }));
    }

    private static java.util.List<String> rest(String[] args) {
        return java.util.List.of(args).subList(1, args.length);
    }

    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static int usage(String what) {
        LOG.log(Level.ERROR, "usage: " + what);
        return 2;
    }

    static int export(ServiceSettings settings, String target) {
        OpenedStorage storage = OpenedStorage.open(forTransfer(settings));
        try (Writer out = target.equals("-") ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
            new StoreTransfer(System.err).export(storage.ports(), out);
            return 0;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "export failed: " + e.getMessage());
            return 1;
        } finally {
            closeQuietly(storage);
        }
    }

    static int importFile(ServiceSettings settings, Path file) {
        OpenedStorage storage = OpenedStorage.open(forTransfer(settings));
        try {
            StoreTransfer transfer = new StoreTransfer(System.err);
            StoreTransfer.ImportReport report = transfer.importFile(storage.ports(), file);
            transfer.print(report);
            return report.matches() ? 0 : 3;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "import failed (run it again to resume; what was imported stays): "
                    + e.getMessage());
            return 1;
        } finally {
            closeQuietly(storage);
        }
    }

    /**
     * Write-through reads its export from PostgreSQL and writes imports through to it; loading every record into
     * memory first would only delay the command, so export and import go to PostgreSQL directly.
     */
    private static ServiceSettings forTransfer(ServiceSettings settings) {
        return settings.storageMode() == ServiceSettings.StorageMode.WRITE_THROUGH
                ? settings.withStorageMode(ServiceSettings.StorageMode.POSTGRES) : settings;
    }

    static void closeQuietly(OpenedStorage storage) {
        try {
            storage.closer().close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing the store failed: " + e.getMessage());
        }
    }

    /**
     * Delivers every outbox message that is due now, then exits: the dispatcher of function deployments, run on a
     * schedule. Messages rescheduled for later are left for the next run.
     */
    static int dispatch(ServiceSettings settings) {
        if (settings.storageMode() == ServiceSettings.StorageMode.MEMORY) {
            LOG.log(Level.INFO, "dispatch: memory mode holds no outbox outside a running service; nothing to do");
            return 0;
        }
        // The outbox is always read from PostgreSQL: no cache, and no write-through bulk load for one pass.
        OpenedStorage storage = OpenedStorage.open(forTransfer(settings).withCache(
                CacheSettings.defaults(CacheSettings.Kind.NONE)));
        try (OutboxDispatcher.Adapters delivery = OutboxDispatcher.adapters(settings.delivery(), settings.accounts())) {
            StoragePorts ports = storage.ports();
            SystemClock clock = new SystemClock();
            DispatchOutbox dispatch = new DispatchOutbox(ports.outbox(), ports.postActions(), delivery.ports(),
                    settings.delivery().policy(), clock, Map.of(OutboxMessage.ANCHOR,
                            UseCases.storeItemState(ports, clock)));
            DispatchOutbox.Summary summary = dispatch.drain();
            LOG.log(Level.INFO, "dispatch: " + summary.delivered() + " delivered, " + summary.retried()
                    + " rescheduled, " + summary.failed() + " failed, " + summary.lost() + " left to another dispatcher");
            return 0;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "dispatch failed (undelivered messages stay in the outbox): " + e.getMessage());
            return 1;
        } finally {
            closeQuietly(storage);
        }
    }

    /** Applies pending migrations once (how a function deployment migrates before instances start). */
    static int migrate(ServiceSettings settings) {
        if (settings.database().url() == null) {
            LOG.log(Level.ERROR, "migrate needs DATABASE_URL (db.url)");
            return 2;
        }
        try {
            var result = PostgresMigrations.migrate(OpenedStorage.postgresSettings(settings.database()));
            LOG.log(Level.INFO, "migrate: " + result.migrationsExecuted + " migration(s) applied; schema version "
                    + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
            return 0;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "migrate failed: " + e.getMessage());
            return 1;
        }
    }
}
