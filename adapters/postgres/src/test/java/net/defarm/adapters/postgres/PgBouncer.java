package net.defarm.adapters.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PgBouncer (Debian's package) of the test's own: a generated ini in a temporary directory, a free port,
 * transaction pooling with {@code poolSize} server connections in front of one database of the local PostgreSQL.
 * A missing binary fails the test with how to install it; it never skips.
 */
final class PgBouncer implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(30);

    private final Path dir;
    private final Process process;
    private final int port;

    private PgBouncer(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Starts PgBouncer in front of {@code database} (on {@link TestDatabase#URL}'s server), pooling transactions. */
    static PgBouncer start(String database, int poolSize) {
        Path binary = binary().orElseThrow(() -> new AssertionError("pgbouncer is not installed (looked on PATH and "
                + "in /usr/sbin); the PgBouncer tests start their own: apt-get install -y pgbouncer"
                + ("true".equals(System.getenv("CI")) ? " (.ci/run installs it)" : "")));
        URI server = URI.create(TestDatabase.URL.substring("jdbc:".length()));
        try {
            Path dir = Files.createTempDirectory("defarm-pgbouncer-");
            // Writable for the user PgBouncer switches to when started as root (its log and pid file go here).
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port = freePort();
            Files.writeString(dir.resolve("users.txt"), "\"" + TestDatabase.USER + "\" \"" + TestDatabase.PASSWORD
                    + "\"\n");
            Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]",
                    database + " = host=" + server.getHost() + " port=" + server.getPort() + " dbname=" + database,
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    // Loopback only; PostgreSQL behind checks its own authentication.
                    "auth_type = trust",
                    "auth_file = " + dir.resolve("users.txt"),
                    "admin_users = " + TestDatabase.USER,
                    "pool_mode = transaction",
                    "default_pool_size = " + poolSize,
                    "max_client_conn = 200",
                    // pgjdbc sends extra_float_digits at login; PgBouncer 1.18 refuses parameters it does not track.
                    "ignore_startup_parameters = extra_float_digits",
                    "logfile = " + dir.resolve("pgbouncer.log"),
                    "pidfile = " + dir.resolve("pgbouncer.pid"), ""));
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "postgres")); // PgBouncer refuses to run as root
            }
            command.add(dir.resolve("pgbouncer.ini").toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile()).start();
            PgBouncer bouncer = new PgBouncer(dir, process, port);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start pgbouncer", e);
        }
    }

    /** The JDBC URL of {@code database} through this pooler. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Rows of an admin console command ({@code POOLS}, {@code STATS}...), column name to value. Through psql: the
     * console answers only simple queries, and pgjdbc sends SET statements to a server reporting an old version.
     */
    List<Map<String, String>> show(String what) {
        try {
            Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                    TestDatabase.USER, "-d", "pgbouncer", "-A", "-F", "|", "-P", "footer=off", "-c", "SHOW " + what)
                    .redirectErrorStream(true).start();
            List<String> lines = psql.inputReader().lines().toList();
            if (psql.waitFor() != 0) {
                throw new IllegalStateException("SHOW " + what + " failed: " + lines);
            }
            List<String> header = List.of(lines.getFirst().split("\\|", -1));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\\|", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("psql is needed for the PgBouncer admin console", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("pgbouncer exited (" + process.exitValue() + "): " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new AssertionError("pgbouncer did not listen on port " + port + " within " + START + ": " + log());
    }

    private String log() throws IOException {
        Path log = dir.resolve("pgbouncer.log");
        return Files.readString(dir.resolve("stdout.log")) + (Files.exists(log) ? Files.readString(log) : "");
    }

    private static Optional<Path> binary() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/sbin"))
                .filter(p -> !p.isBlank()).map(p -> Path.of(p, "pgbouncer")).filter(Files::isExecutable).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
