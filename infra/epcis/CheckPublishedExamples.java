import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.defarm.adapters.json.DomainJsonModule;
import net.defarm.domain.epcis.EpcisEventHash;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonString;
import net.defarm.domain.shared.JsonValue;

/**
 * Runs our EPCIS event hash over a local folder of published examples: every {@code *.jsonld} with a sibling
 * {@code *.hashes} (one expected hash per line, in event order). Prints one line per file and a summary; exits 1
 * when any file does not match. The examples are read where they lie and never copied into the project.
 */
public final class CheckPublishedExamples {

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: CheckPublishedExamples <directory of *.jsonld with sibling *.hashes>");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".jsonld") && Files.exists(hashes(p))).sorted().toList();
        }
        int matched = 0;
        for (Path file : files) {
            String verdict = check(file);
            matched += verdict.startsWith("match") ? 1 : 0;
            System.out.println(verdict + "  " + file);
        }
        System.out.printf("%d of %d example files match%n", matched, files.size());
        System.exit(matched == files.size() ? 0 : 1);
    }

    private static Path hashes(Path jsonld) {
        String name = jsonld.getFileName().toString();
        return jsonld.resolveSibling(name.substring(0, name.length() - ".jsonld".length()) + ".hashes");
    }

    private static String check(Path file) throws IOException {
        List<String> expected = Files.readAllLines(hashes(file)).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        JsonObject doc = (JsonObject) DomainJsonModule.fromNode(new ObjectMapper().readTree(file.toFile()));
        Map<String, String> prefixes = prefixes(doc);
        List<JsonValue> events = events(doc);
        if (events.size() != expected.size()) {
            return "MISMATCH (" + events.size() + " events, " + expected.size() + " expected hashes)";
        }
        for (int i = 0; i < events.size(); i++) {
            JsonObject event = (JsonObject) events.get(i);
            String actual;
            try {
                actual = EpcisEventHash.of(event, prefixes);
            } catch (IllegalArgumentException e) {
                return "UNSUPPORTED (event " + i + ": " + e.getMessage() + ")";
            }
            if (!actual.equals(expected.get(i))) {
                return "MISMATCH (event " + i + ", our pre-hash: " + EpcisEventHash.preHash(event, prefixes) + ")";
            }
        }
        return "match (" + events.size() + " events)";
    }

    /** CURIE prefixes declared as string members of the objects in @context. */
    private static Map<String, String> prefixes(JsonObject doc) {
        Map<String, String> prefixes = new HashMap<>();
        if (doc.get("@context").orElse(null) instanceof JsonArray context) {
            for (JsonValue entry : context.values()) {
                if (entry instanceof JsonObject o) {
                    o.members().forEach((k, v) -> {
                        if (v instanceof JsonString s) {
                            prefixes.put(k, s.value());
                        }
                    });
                }
            }
        }
        return prefixes;
    }

    /** The events of an EPCISDocument (eventList or a single event) or of an EPCISQueryDocument. */
    private static List<JsonValue> events(JsonObject doc) {
        JsonObject body = doc.get("epcisBody").orElse(null) instanceof JsonObject b ? b : JsonObject.EMPTY;
        if (body.get("queryResults").orElse(null) instanceof JsonObject results
                && results.get("resultsBody").orElse(null) instanceof JsonObject resultsBody) {
            body = resultsBody;
        }
        if (body.get("event").orElse(null) instanceof JsonObject single) {
            return List.of(single);
        }
        return body.get("eventList").orElse(null) instanceof JsonArray list ? list.values() : new ArrayList<>();
    }
}
