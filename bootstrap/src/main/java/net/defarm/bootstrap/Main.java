package net.defarm.bootstrap;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import net.defarm.adapters.postgres.PostgresMigrations;
import java.lang.System.Logger.Level;

/** Starts the service with the settings from {@code application.yaml} and the environment. */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    /** {@code main()} serves; {@code main("migrate")} applies the database migrations and exits. */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        ServiceSettings settings;
        try {
            settings = ServiceSettings.load(Config.create(), System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && args[0].equals("migrate")) {
            System.exit(migrate(settings));
        }
        if (args.length > 0) {
            LOG.log(Level.ERROR, "Unknown command '" + args[0] + "'; commands: migrate (or none, to serve)");
            System.exit(2);
        }
        Service service = Service.start(settings);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(service::close));
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
