package net.defarm.adapters.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.evidence.ContentIntegrityException;
import net.defarm.application.evidence.ContentStore;
import net.defarm.application.shared.StoreUnavailableException;
import net.defarm.domain.evidence.Cid;

/**
 * An IPFS node through Kubo's HTTP RPC ({@code /api/v0}, every call a POST): {@code add} with
 * {@code cid-version=1&raw-leaves=true&pin=true}, {@code cat}, {@code pin/add}, {@code pin/ls}. The CID is computed
 * here too and must equal the node's; bytes from {@code cat} are re-hashed, so a node cannot hand back other
 * content. "Has" means "pinned on this node" (every put pins); only the node's own "not pinned" / "not found"
 * answer means absent. An unreachable node, a timeout, any other error answer or an answer that cannot be read is
 * {@link StoreUnavailableException} (503 to clients, the node's message to the log only; the outbox retries), never
 * taken for a missing document.
 */
public final class KuboContentStore implements ContentStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final HttpClient client;
    private final Duration requestTimeout;

    /** {@code apiUrl}: the node's RPC address, e.g. {@code http://127.0.0.1:5001}. */
    public KuboContentStore(URI apiUrl, Duration connectTimeout, Duration requestTimeout) {
        String base = apiUrl.toString();
        this.api = URI.create(base.endsWith("/") ? base : base + "/");
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Cid put(byte[] bytes) {
        Cid.requireOneBlock(bytes);
        Cid expected = Cid.of(bytes);
        String boundary = "defarm-" + UUID.randomUUID();
        HttpResponse<byte[]> res = call("api/v0/add?cid-version=1&raw-leaves=true&pin=true",
                HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, bytes)),
                "multipart/form-data; boundary=" + boundary);
        if (res.statusCode() != 200) {
            throw refused("add", res);
        }
        // One JSON object per added entry; a single file gives one line with its root CID in "Hash".
        String[] lines = new String(res.body(), StandardCharsets.UTF_8).strip().split("\n");
        String hash = field(lines[lines.length - 1], "Hash");
        if (!expected.value().equals(hash)) {
            throw new ContentIntegrityException(expected, "IPFS node " + api + " (it named the content " + hash + ")");
        }
        return expected;
    }

    @Override
    public Optional<byte[]> get(Cid cid) {
        if (!has(cid)) {
            return Optional.empty();
        }
        HttpResponse<byte[]> res = call("api/v0/cat?arg=" + cid.value(), HttpRequest.BodyPublishers.noBody(), null);
        if (res.statusCode() != 200) {
            throw refused("cat", res);
        }
        if (!cid.matches(res.body())) {
            throw new ContentIntegrityException(cid, "IPFS node " + api);
        }
        return Optional.of(res.body());
    }

    @Override
    public boolean has(Cid cid) {
        // The node answers 500 "not pinned" for a CID it does not keep; it never searches the network for pin/ls.
        HttpResponse<byte[]> res = call("api/v0/pin/ls?type=all&arg=" + cid.value(),
                HttpRequest.BodyPublishers.noBody(), null);
        if (res.statusCode() == 200) {
            return true;
        }
        if (absent(res)) {
            return false;
        }
        throw refused("pin/ls", res);
    }

    /** Kubo's error answer (500, JSON with a Message) saying the CID is not pinned or not found here. */
    private static boolean absent(HttpResponse<byte[]> res) {
        if (res.statusCode() != 500) {
            return false;
        }
        try {
            JsonNode message = JSON.readTree(res.body()).path("Message");
            String text = message.isTextual() ? message.asText() : "";
            return text.endsWith("is not pinned") || text.contains("not found");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean pin(Cid cid) {
        if (has(cid)) {
            return true;
        }
        return call("api/v0/pin/add?arg=" + cid.value(), HttpRequest.BodyPublishers.noBody(), null)
                .statusCode() == 200;
    }

    @Override
    public String kind() {
        return "ipfs";
    }

    private HttpResponse<byte[]> call(String pathAndQuery, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder req = HttpRequest.newBuilder(api.resolve(pathAndQuery)).timeout(requestTimeout)
                .POST(body);
        if (contentType != null) {
            req.header("Content-Type", contentType);
        }
        try {
            return client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StoreUnavailableException("IPFS node " + api + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while calling the IPFS node " + api, e);
        }
    }

    static byte[] multipart(String boundary, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 256);
        out.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"blob\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private String field(String jsonLine, String name) {
        try {
            JsonNode node = JSON.readTree(jsonLine);
            JsonNode value = node == null ? null : node.get(name);
            if (value == null || !value.isTextual()) {
                throw new StoreUnavailableException("IPFS node " + api + " answered without " + name + ": "
                        + jsonLine, null);
            }
            return value.asText();
        } catch (IOException e) {
            throw new StoreUnavailableException("IPFS node " + api + " answered with something other than JSON", e);
        }
    }

    private StoreUnavailableException refused(String call, HttpResponse<byte[]> res) {
        String body = new String(res.body(), StandardCharsets.UTF_8);
        String message = body.length() > 300 ? body.substring(0, 300) + "..." : body;
        return new StoreUnavailableException("IPFS node " + api + " refused " + call + " (HTTP " + res.statusCode()
                + "): " + message, null);
    }
}
