package net.defarm.application.history;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.evidence.Cid;

/**
 * What an {@code anchor} outbox message asks for: store the item's state with an adapter type and record where it
 * went. {@code sourceCid} is set for a migration (copy that recorded state) and null for a push (the item's state
 * as it is when the message is handled). Encoded as a form-encoded line: the outbox payload is text.
 */
public record AnchorRequest(String dfid, UUID circuitId, AdapterType adapterType, String operation,
                            String triggeredBy, Cid sourceCid) {

    public String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("dfid", dfid);
        fields.put("circuit_id", circuitId == null ? "" : circuitId.toString());
        fields.put("adapter_type", adapterType.wireName());
        fields.put("operation", operation);
        fields.put("triggered_by", triggeredBy);
        fields.put("source_cid", sourceCid == null ? "" : sourceCid.value());
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** @throws IllegalArgumentException when {@code payload} is not an encoded request */
    public static AnchorRequest decode(String payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : payload.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not an anchor request");
            }
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String circuit = required(fields, "circuit_id");
        String source = required(fields, "source_cid");
        return new AnchorRequest(required(fields, "dfid"), circuit.isEmpty() ? null : UUID.fromString(circuit),
                AdapterType.parse(required(fields, "adapter_type"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown adapter type")),
                required(fields, "operation"), required(fields, "triggered_by"),
                source.isEmpty() ? null : Cid.parse(source));
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("anchor request without " + name);
        }
        return value;
    }
}
