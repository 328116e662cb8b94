package net.defarm.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is the operator's whole view of the settings: every key of application.yaml and
 * every environment variable the service reads must be in it, each variable beside the key it overrides.
 */
class ConfigurationDocsTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** One row of the table: the variables named in the first column and the key in the second (or none). */
    private record Row(List<String> variables, Optional<String> key) {
    }

    @Test
    void everyKeyOfTheFileIsInTheReadme() throws IOException {
        Set<String> documented = table().stream().flatMap(r -> r.key().stream()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        Config.just(ConfigSources.classpath(SettingsSources.FILE)).traverse().filter(Config::isLeaf)
                .map(node -> node.key().toString()).filter(key -> !documented.contains(key)).forEach(missing::add);
        assertTrue(missing.isEmpty(), "keys of application.yaml missing from the README's configuration table: "
                + missing);
    }

    @Test
    void everyVariableTheSettingsReadIsInTheReadmeBesideItsKey() throws IOException {
        Map<String, Optional<String>> documented = new LinkedHashMap<>();
        table().forEach(row -> row.variables().forEach(v -> documented.put(v, row.key())));
        Map<String, String> read = new LinkedHashMap<>(SettingsSources.VARIABLES);
        read.put(SettingsSources.STORAGE_ALIAS, "storage.mode");
        List<String> problems = new ArrayList<>();
        read.forEach((variable, key) -> {
            if (!documented.containsKey(variable)) {
                problems.add(variable + " is not in the table");
            } else if (!documented.get(variable).equals(Optional.of(key))) {
                problems.add(variable + " overrides " + key + ", the table says " + documented.get(variable));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theTableNamesNoKeyTheServiceDoesNotRead() throws IOException {
        Set<String> stale = table().stream().flatMap(r -> r.key().stream())
                .filter(key -> !SettingsSources.VARIABLES.containsValue(key))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(stale.isEmpty(), "keys in the README that no setting reads: " + stale);
    }

    /** The rows of the table under "## Configuration" in the project's README. */
    private static List<Row> table() throws IOException {
        List<String> lines = Files.readAllLines(projectRoot().resolve("README.md"));
        int heading = lines.indexOf("## Configuration");
        assertTrue(heading >= 0, "README.md has a \"## Configuration\" section");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            List<String> variables = codes(cells[1]);
            List<String> keys = codes(cells[2]);
            rows.add(new Row(variables, keys.stream().findFirst()));
        }
        assertTrue(rows.size() > 10, "the configuration table was found: " + rows);
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> found = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Tests run in the module's directory; the README is at the root of the checkout, some levels up. */
    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("bootstrap"))) {
                return dir;
            }
        }
        throw new AssertionError("no README.md beside a bootstrap directory above " + Path.of("").toAbsolutePath());
    }
}
