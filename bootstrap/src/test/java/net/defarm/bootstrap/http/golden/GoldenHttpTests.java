package net.defarm.bootstrap.http.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.StoreMode;
import net.defarm.bootstrap.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden compatibility: one scripted {@link Scenario} gives every route of the routing a meaningful request (and
 * a few key routes their main error case); each route's exchanges, normalised, must equal its checked-in file
 * under {@code src/test/resources/golden}, exactly, in every store. A refactoring that renames, drops or retypes a
 * field a client reads fails here with a diff of that route's file.
 *
 * <p>A deliberate change: {@code mvn -B -ntp -o verify -pl bootstrap -am -Dtest=MemoryModeGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true} rewrites the files (only the memory mode writes;
 * the other modes always compare), then review {@code git diff} and run the suites again. To cover a new route,
 * add a call naming its template to the steps class of its context (see {@link Scenario}) and record.
 */
public abstract class GoldenHttpTests extends RunningService {

    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** Routes without a golden file, with the reason. Keep it tiny: every other route is covered. */
    static final Map<String, String> EXCLUDED = Map.of();

    private final WebhookReceiver receiver = new WebhookReceiver();
    private Scene scene;
    private String secretKey;

    @Override
    protected ServiceSettings adjust(ServiceSettings settings) {
        // No dispatcher: deliveries stay as queued, so their list does not depend on timing (and mail stays in the
        // outbox, where the scenario reads it). Webhooks may target the local receiver.
        secretKey = settings.delivery().secretKey();
        return settings.withDelivery(settings.delivery().withDispatcher(false, Duration.ofSeconds(1))
                .withAllowedHosts(Set.of("127.0.0.1")));
    }

    @BeforeAll
    void playTheScenario() {
        scene = new Scene(api, service, store(), secretKey);
        scene.alias(receiver.url(""), "<webhook-receiver>");
        scene.put("receiver", receiver.url("/"));
        Scenario.play(scene);
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    private String store() {
        return mode().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Whether this run rewrites a route's golden: the memory mode writes the shared files, the others compare with
     * what it wrote; a per-store file is written by its own store.
     */
    private boolean writes(String route) {
        return UPDATE && (mode() == StoreMode.MEMORY || scene.perStore().contains(route));
    }

    /** The file that holds a route's goldens for this run's store. */
    private String file(String route) {
        return GoldenFiles.fileName(route, scene.perStore().contains(route) ? store() : null);
    }

    private Set<String> routed() {
        return service.routes().stream().map(r -> r.method() + " " + r.template())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersAsItsGoldenFile() {
        return scene.recorded().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String actual = GoldenFiles.render(e.getKey(), e.getValue(), scene.aliases());
            String file = file(e.getKey());
            String expected = GoldenFiles.read(file);
            if (writes(e.getKey())) {
                if (!actual.equals(expected)) {
                    GoldenFiles.write(file, actual);
                }
                return;
            }
            if (expected == null) {
                fail("no golden file " + GoldenFiles.DIR.resolve(file) + " for " + e.getKey()
                        + "; record it with -Dgolden.update=true and review it");
            }
            if (!expected.equals(actual)) {
                fail(e.getKey() + " no longer answers as " + file
                        + " (- golden, + now; rewrite with -Dgolden.update=true if the change is deliberate):\n"
                        + LineDiff.of(expected, actual));
            }
        }));
    }

    @Test
    void everyRouteHasAGoldenFileAndEveryGoldenFileARoute() {
        Set<String> routed = routed();
        assertTrue(routed.size() > 50, "the routing's own list: " + routed);
        List<String> problems = new ArrayList<>();
        for (String route : routed) {
            if (!EXCLUDED.containsKey(route) && !scene.recorded().containsKey(route)) {
                problems.add("no scenario step covers " + route);
            }
        }
        for (String route : scene.recorded().keySet()) {
            if (!routed.contains(route)) {
                problems.add("a scenario step names " + route + ", which the routing does not hold");
            }
            if (EXCLUDED.containsKey(route)) {
                problems.add(route + " is excluded yet covered: drop it from EXCLUDED");
            }
        }
        EXCLUDED.keySet().stream().filter(r -> !routed.contains(r))
                .forEach(r -> problems.add("EXCLUDED names " + r + ", which the routing does not hold"));
        Map<String, String> files = GoldenFiles.checkedIn();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String route = file.getValue();
            boolean stale = !routed.contains(route) || !scene.recorded().containsKey(route);
            if (stale && UPDATE && mode() == StoreMode.MEMORY) {
                GoldenFiles.delete(file.getKey());
            } else if (stale) {
                problems.add("golden file " + file.getKey() + " names " + file.getValue()
                        + ", which no longer exists or no step covers");
            } else if (scene.perStore().contains(route) != file.getKey().matches(".*\\.[a-z-]+\\.json")
                    || !file.getKey().startsWith(GoldenFiles.fileName(route).replace(".json", "."))) {
                problems.add("golden file " + file.getKey() + " should be named " + file(route));
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }
}
