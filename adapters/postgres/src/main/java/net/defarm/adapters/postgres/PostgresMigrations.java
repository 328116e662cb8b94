package net.defarm.adapters.postgres;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's history: Flyway migrations on this module's classpath ({@code db/migration/V<n>__*.sql}),
 * discovered automatically (the reference lost data to a hand-kept list), checksummed, applied under Flyway's lock
 * so concurrent instances migrate once. That lock is a session-level advisory lock, so migrations take the direct
 * (session) URL, never a transaction pooler.
 */
public final class PostgresMigrations {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("(?:^|/)V(\\d+)__[^/]+\\.sql$");

    private PostgresMigrations() {
    }

    /** Applies every pending migration; validates the checksums of those already applied. */
    public static MigrateResult migrate(PostgresSettings settings) {
        return flyway(settings, null).migrate();
    }

    /** The same, into one schema (tests isolate themselves in a schema of their own). */
    public static MigrateResult migrate(PostgresSettings settings, String schema) {
        return flyway(settings, schema).migrate();
    }

    private static Flyway flyway(PostgresSettings settings, String schema) {
        var config = Flyway.configure(PostgresMigrations.class.getClassLoader())
                .dataSource(settings.sessionUrl(), settings.username(), settings.password())
                .locations("classpath:" + LOCATION)
                .connectRetries(2)
                .validateMigrationNaming(true);
        if (schema != null) {
            config = config.schemas(schema).defaultSchema(schema);
        }
        return config.load();
    }

    /**
     * The highest migration version shipped with this build, read from the adapter's own jar (or class directory):
     * the version a database must be at for this code to run on it.
     */
    public static int latestVersion() {
        try {
            Path location = Path.of(PostgresMigrations.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return Files.isDirectory(location) ? latestIn(location.resolve(LOCATION)) : latestInJar(location);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the schema migrations", e);
        }
    }

    private static int latestIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> version(p.getFileName().toString())).mapToInt(v -> v.orElse(0)).max().orElse(0);
        }
    }

    private static int latestInJar(Path jar) throws IOException {
        int latest = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(LOCATION + "/")) {
                    latest = Math.max(latest, version(name).orElse(0));
                }
            }
        }
        return latest;
    }

    static OptionalInt version(String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The highest migration successfully applied to the database, if the history table exists. */
    static OptionalInt appliedVersion(PostgresDatabase db) {
        try {
            return db.one("""
                    SELECT max(CAST(version AS integer)) AS v FROM flyway_schema_history
                     WHERE success AND version IS NOT NULL""", r -> r.value("v"))
                    .map(v -> OptionalInt.of(((Number) v).intValue()))
                    .orElse(OptionalInt.empty());
        } catch (RuntimeException e) {
            if (PostgresDatabase.sqlState(e).equals("42P01")) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }
}
