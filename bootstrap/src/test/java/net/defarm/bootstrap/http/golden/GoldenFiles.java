package net.defarm.bootstrap.http.golden;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.defarm.bootstrap.http.golden.Scene.Exchange;

/**
 * The golden files: one per route under {@code src/test/resources/golden}, named after the route
 * ({@code POST /api/items/{dfid}/split} is {@code POST__api__items__{dfid}__split.json}), holding every exchange
 * the scenario made with that route, normalised and pretty-printed with the fields in the order the service sent.
 */
final class GoldenFiles {

    static final Path DIR = Path.of("src", "test", "resources", "golden");
    /** Headers a client relies on; those whose value changes per call are recorded as present. */
    private static final List<String> VALUED = List.of("Content-Type", "Location");
    private static final List<String> PRESENT = List.of("X-Next-Cursor", "Link", "X-RateLimit-Limit",
            "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private GoldenFiles() {
    }

    static String fileName(String route) {
        return fileName(route, null);
    }

    /** A route whose answers differ per store has one file per store: {@code GET__health__db.memory.json}. */
    static String fileName(String route, String store) {
        String[] parts = route.split(" ", 2);
        String path = parts[1].equals("/") ? "(root)" : parts[1].substring(1).replace("/", "__");
        return parts[0] + "__" + path + (store == null ? "" : "." + store) + ".json";
    }

    /** The file's text for one route's exchanges, numbered afresh (placeholders count from 1 in every file). */
    static String render(String route, List<Exchange> exchanges, Map<String, String> aliases) {
        Normaliser n = new Normaliser(aliases);
        ObjectNode root = MAPPER.createObjectNode().put("route", route);
        ArrayNode list = root.putArray("exchanges");
        for (Exchange e : exchanges) {
            ObjectNode exchange = list.addObject();
            ObjectNode request = exchange.putObject("request");
            request.put("as", e.who().label());
            request.put("path", n.text(e.path()));
            if (e.body() != null) {
                request.set("body", n.normalise(parse(e.body())));
            }
            ObjectNode response = exchange.putObject("response");
            response.put("status", e.response().status());
            ObjectNode headers = response.putObject("headers");
            VALUED.forEach(h -> e.response().header(h).ifPresent(v -> headers.put(h, n.text(v))));
            PRESENT.forEach(h -> e.response().header(h).ifPresent(v -> headers.put(h, "<present>")));
            if (!e.response().body().isNull()) {
                response.set("body", n.normalise(e.response().body()));
            }
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request body as JSON when it is JSON (every scenario body should be), else as the text sent. */
    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? MAPPER.getNodeFactory().textNode("") : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(body);
        }
    }

    /** The route each checked-in file names, by file name. */
    static Map<String, String> checkedIn() {
        Map<String, String> routes = new TreeMap<>();
        if (!Files.isDirectory(DIR)) {
            return routes;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                routes.put(file.getFileName().toString(), MAPPER.readTree(file.toFile()).path("route").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    static String read(String fileName) {
        Path file = DIR.resolve(fileName);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(String fileName, String text) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(fileName), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(String fileName) {
        try {
            Files.deleteIfExists(DIR.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
