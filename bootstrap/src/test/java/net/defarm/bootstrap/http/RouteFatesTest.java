package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/api-compatibility.md} states the fate of each of the reference service's 211 routes (served,
 * hardened, or absent with its reason) and lists the routes the reference did not have. Both lists are compared
 * with the routing the service really holds, so a route that appears or disappears without the document saying so
 * fails the build. Parameter names do not matter ({@code :dfid} and {@code {id}} are both "a segment").
 */
class RouteFatesTest extends RunningService {

    static final Path DOC = Path.of("..", "docs", "api-compatibility.md");
    private static final Pattern FATE = Pattern.compile(
            "^\\| (\\d+) \\| `([A-Z]+) ([^`]+)` \\| (served|hardened|absent) \\|", Pattern.MULTILINE);
    private static final Pattern ADDED = Pattern.compile("^\\| `([A-Z]+) ([^`]+)` \\| added \\|", Pattern.MULTILINE);

    /** One reference route and what became of it. */
    record Fate(int number, String route, String fate) {
    }

    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }

    @Test
    void everyReferenceRouteHasExactlyOneFate() throws IOException {
        List<Integer> numbers = fates().stream().map(Fate::number).toList();
        assertEquals(IntStream.rangeClosed(1, 211).boxed().toList(), numbers,
                "the fate table must list the reference's routes 1 to 211, once each, in order");
    }

    @Test
    void servedAndHardenedRoutesAreRoutedAndAbsentOnesAreNot() throws IOException {
        Set<String> routed = routed();
        List<String> problems = new ArrayList<>();
        for (Fate f : fates()) {
            boolean present = routed.contains(normal(f.route()));
            if (f.fate().equals("absent") && present) {
                problems.add("#" + f.number() + " " + f.route() + " is routed but the document says absent");
            } else if (!f.fate().equals("absent") && !present) {
                problems.add("#" + f.number() + " " + f.route() + " is " + f.fate() + " in the document but not routed");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRoutedRouteIsAReferenceRouteOrListedAsAdded() throws IOException {
        Set<String> documented = new TreeSet<>();
        fates().stream().filter(f -> !f.fate().equals("absent")).forEach(f -> documented.add(normal(f.route())));
        Matcher m = ADDED.matcher(Files.readString(DOC));
        Set<String> added = new TreeSet<>();
        while (m.find()) {
            added.add(normal(m.group(1) + " " + m.group(2)));
        }
        Set<String> routed = routed();
        Set<String> undocumented = new TreeSet<>(routed);
        undocumented.removeAll(documented);
        undocumented.removeAll(added);
        Set<String> stale = new TreeSet<>(added);
        stale.removeAll(routed);
        assertEquals(Set.of(), undocumented, "routes neither in the fate table nor listed as added");
        assertEquals(Set.of(), stale, "routes listed as added that the routing does not hold");
    }

    private Set<String> routed() {
        return service.routes().stream().map(r -> normal(r.method() + " " + r.template()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static List<Fate> fates() throws IOException {
        Matcher m = FATE.matcher(Files.readString(DOC));
        List<Fate> fates = new ArrayList<>();
        while (m.find()) {
            fates.add(new Fate(Integer.parseInt(m.group(1)), m.group(2) + " " + m.group(3), m.group(4)));
        }
        return fates;
    }

    /** "GET /api/items/{}" for both {@code :dfid} and {@code {dfid}} segments. */
    static String normal(String route) {
        return route.replaceAll(":[A-Za-z_]+", "{}").replaceAll("\\{[^}]*}", "{}");
    }
}
