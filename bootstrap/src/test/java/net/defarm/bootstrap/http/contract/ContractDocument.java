package net.defarm.bootstrap.http.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import net.defarm.adapters.http.docs.ApiContract;

/** The served contract, and which of its operations a concrete request path and method reach. */
public final class ContractDocument {

    /** The assembled document, loaded once for every test of the JVM. */
    public static final ContractDocument SERVED = new ContractDocument(ApiContract.load());

    private final JsonNode document;

    public ContractDocument(JsonNode document) {
        this.document = document;
    }

    public JsonNode document() {
        return document;
    }

    /** A documented operation: the path template it is described under and its OpenAPI operation object. */
    public record Operation(String template, String method, JsonNode node) {
        public String pointer() {
            return "/paths/" + template.replace("~", "~0").replace("/", "~1") + "/" + method;
        }
    }

    /**
     * The operation {@code method} on {@code rawPath} (no query) reaches: among the templates that match it, the one
     * with the most literal segments, as the routing tries static segments before parameters.
     */
    public Optional<Operation> find(String method, String rawPath) {
        String[] path = rawPath.split("/", -1);
        String verb = method.toLowerCase(java.util.Locale.ROOT);
        return document.path("paths").properties().stream()
                .filter(e -> matches(e.getKey(), path))
                .filter(e -> e.getValue().has(verb))
                .max(Comparator.comparingLong((Map.Entry<String, JsonNode> e) -> literals(e.getKey())))
                .map(e -> new Operation(e.getKey(), verb, e.getValue().get(verb)));
    }

    private static boolean matches(String template, String[] path) {
        String[] segments = template.split("/", -1);
        if (segments.length != path.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            boolean parameter = segments[i].startsWith("{") && segments[i].endsWith("}");
            if (parameter ? path[i].isEmpty() : !segments[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static long literals(String template) {
        return java.util.Arrays.stream(template.split("/")).filter(s -> !s.startsWith("{")).count();
    }
}
