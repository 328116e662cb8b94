package net.defarm.bootstrap.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.support.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Starting fails loudly and briefly, and the start-up time counts from the JVM's start: not from the start of a
 * script that ran before it (bin/run builds the jar and then execs the JVM under the same process id).
 */
class StartupTest {

    private static final Pattern STARTED_IN = Pattern.compile("listening on .*started in (\\d+) ms");
    private static final Pattern GAUGE = Pattern.compile(
            "^defarm_startup_seconds\\{scope=\"vendor\",} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    @Test
    void aPortInUseEndsTheProcessWithOneLineThatSaysWhy() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServiceProcess.Exit exit = ServiceProcess.run(Map.of("PORT", Integer.toString(taken.getLocalPort())),
                    Duration.ofSeconds(60));
            List<String> output = exit.output();
            assertEquals(1, exit.status(), "exit status; output:\n" + String.join("\n", output));
            List<String> errors = output.stream().filter(l -> l.contains("SEVERE") || l.contains("ERROR")).toList();
            assertEquals(1, errors.size(), "one error line:\n" + String.join("\n", output));
            String line = errors.getFirst();
            assertTrue(line.contains("could not start") && line.contains("127.0.0.1:" + taken.getLocalPort())
                    && line.contains("Address already in use"), line);
            assertFalse(output.stream().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by")),
                    "no stack trace:\n" + String.join("\n", output));
            assertFalse(output.stream().anyMatch(l -> l.contains("listening on")), String.join("\n", output));
        }
    }

    @Test
    void theStartUpTimeCountsFromTheJvmNotFromTheScriptBeforeIt() {
        long pause = 3000;
        // A start script that spends 3 s before it execs the JVM, keeping its process (and process start time).
        List<String> script = List.of("sh", "-c", "sleep " + pause / 1000 + "; exec \"$0\" \"$@\"");
        long launched = System.nanoTime();
        try (ServiceProcess process = ServiceProcess.start(script, Map.of(), Duration.ofSeconds(90))) {
            long waited = Duration.ofNanos(System.nanoTime() - launched).toMillis();
            long reported = process.output().stream().map(STARTED_IN::matcher).filter(Matcher::find)
                    .mapToLong(m -> Long.parseLong(m.group(1))).findFirst().orElseThrow();
            assertTrue(reported <= waited - pause + 100,
                    "reported " + reported + " ms, though " + waited + " ms passed of which " + pause
                            + " ms before the JVM started");

            Matcher gauge = GAUGE.matcher(new ApiClient(process.port()).text("/observe/metrics"));
            assertTrue(gauge.find(), "defarm_startup_seconds is exported");
            assertEquals(reported / 1000.0, Double.parseDouble(gauge.group(1)), 0.0011,
                    "the gauge and the log line give the same start-up time");
        }
    }
}
