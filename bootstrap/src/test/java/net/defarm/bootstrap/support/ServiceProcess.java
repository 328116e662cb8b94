package net.defarm.bootstrap.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.http.TestSettings;

/**
 * The service in a JVM of its own (same classes as the tests), configured by environment variables, so a test can
 * kill it the hard way and start another.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final int port;
    private final List<String> output;
    private final Thread reader;

    private ServiceProcess(Process process, int port, List<String> output, Thread reader) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.reader = reader;
    }

    /**
     * The environment of a service in postgres mode on {@code database}, with the test secret and a cheap password
     * hash; mutable, so a test can add its own settings.
     */
    public static Map<String, String> postgresEnv(TestDatabase database) {
        Map<String, String> env = new HashMap<>();
        env.put("STORAGE_MODE", "postgres");
        env.put("DATABASE_URL", database.jdbcUrl());
        env.put("DATABASE_USER", TestDatabase.USER);
        env.put("DATABASE_PASSWORD", TestDatabase.PASSWORD);
        env.put("JWT_SECRET", TestSettings.SECRET);
        env.put("BCRYPT_COST", "4");
        return env;
    }

    /** Starts {@code net.defarm.bootstrap.Main} with these environment variables; waits until it listens. */
    public static ServiceProcess start(Map<String, String> env, Duration timeout) {
        return start(List.of(), env, timeout);
    }

    /**
     * The same, launched through {@code launcher} (a command that ends by running its arguments, such as a shell
     * that sleeps and then {@code exec}s the JVM, as a start script would).
     */
    public static ServiceProcess start(List<String> launcher, Map<String, String> env, Duration timeout) {
        ProcessBuilder builder = builder(launcher, env);
        try {
            Process process = builder.start();
            List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        output.add(line);
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            port.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                    port.completeExceptionally(new IllegalStateException("the service exited: " + output));
                } catch (IOException e) {
                    port.completeExceptionally(e);
                }
            });
            return new ServiceProcess(process, port.get(timeout.toMillis(), TimeUnit.MILLISECONDS), output, reader);
        } catch (Exception e) {
            throw new IllegalStateException("the service did not start", e);
        }
    }

    /** How a process that was meant to fail ended: its exit status and every line it wrote. */
    public record Exit(int status, List<String> output) {
    }

    /** Runs {@code net.defarm.bootstrap.Main} until it exits (it is killed if it outlives {@code timeout}). */
    public static Exit run(Map<String, String> env, Duration timeout) {
        return run(List.of(), env, timeout);
    }

    /** The same with command arguments ({@code dispatch}, {@code migrate}...). */
    public static Exit run(List<String> args, Map<String, String> env, Duration timeout) {
        try {
            ProcessBuilder builder = builder(List.of(), env);
            builder.command().addAll(args);
            Process process = builder.start();
            CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    return in.lines().toList();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the service did not exit within " + timeout + ": "
                        + output.getNow(List.of()));
            }
            return new Exit(process.exitValue(), output.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("the service could not be run", e);
        }
    }

    private static ProcessBuilder builder(List<String> launcher, Map<String, String> env) {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(javaBinary, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "net.defarm.bootstrap.Main"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("PORT", "0");
        builder.environment().putIfAbsent("HOST", "127.0.0.1");
        return builder;
    }

    public int port() {
        return port;
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    /** SIGKILL: no shutdown hook, no flush, nothing graceful. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as a platform stopping an instance: returns the exit code, or -1 if it did not exit in time. */
    public int terminate(Duration timeout) {
        // Through the handle: Process.destroy() would also close our end of the output pipe, losing the last lines.
        process.toHandle().destroy();
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            reader.join(5000);
            return exited ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        kill();
    }
}
