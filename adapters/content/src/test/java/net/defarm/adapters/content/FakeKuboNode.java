package net.defarm.adapters.content;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for a Kubo node's RPC on loopback: {@code add} (multipart, answering with a JSON line), {@code cat},
 * {@code pin/add}, {@code pin/ls}, errors as Kubo sends them (500 with a JSON message). It computes CIDs on its own
 * (JDK SHA-256 and its own base32), so the adapter's CID is checked against an independent computation. With
 * {@code lie} set it serves other bytes than it was given; with {@code failing} every call fails.
 */
final class FakeKuboNode implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> pinned = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    volatile boolean lie;
    /** Set: every call fails as a node in trouble does (500 with a message that is no "not pinned"). */
    volatile boolean failing;

    FakeKuboNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v0/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int calls(String command) {
        return calls.getOrDefault(command, 0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String command = ex.getRequestURI().getPath().substring("/api/v0/".length());
            calls.merge(command, 1, Integer::sum);
            if (!ex.getRequestMethod().equals("POST")) {
                send(ex, 405, "text/plain", "405 - Method Not Allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (failing) {
                error(ex, "failed to get block: datastore closed");
                return;
            }
            String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
            String arg = param(query, "arg");
            switch (command) {
                case "add" -> add(ex, query);
                case "cat" -> {
                    byte[] data = pinned.get(arg);
                    if (data == null) {
                        error(ex, "block was not found locally (offline): ipld: could not find " + arg);
                    } else {
                        send(ex, 200, "text/plain", lie ? "something else".getBytes(StandardCharsets.UTF_8) : data);
                    }
                }
                case "pin/ls" -> {
                    if (pinned.containsKey(arg)) {
                        send(ex, 200, "application/json", ("{\"Keys\":{\"" + arg + "\":{\"Type\":\"recursive\"}}}")
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        error(ex, "path '" + arg + "' is not pinned");
                    }
                }
                case "pin/add" -> {
                    if (pinned.containsKey(arg)) {
                        send(ex, 200, "application/json", ("{\"Pins\":[\"" + arg + "\"]}")
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        error(ex, "context deadline exceeded");
                    }
                }
                default -> send(ex, 404, "text/plain", "404 page not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void add(HttpExchange ex, String query) throws IOException {
        if (!query.contains("cid-version=1") || !query.contains("raw-leaves=true") || !query.contains("pin=true")) {
            error(ex, "this node only answers for raw-leaves CIDv1 adds with pinning");
            return;
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
        byte[] body = ex.getRequestBody().readAllBytes();
        byte[] data = filePart(body, boundary);
        String cid = cid(data);
        pinned.put(cid, data);
        send(ex, 200, "application/json", ("{\"Name\":\"blob\",\"Hash\":\"" + cid + "\",\"Size\":\"" + data.length
                + "\"}\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes between the first part's blank line and the closing delimiter. */
    private static byte[] filePart(byte[] body, String boundary) {
        byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] closing = ("\r\n--" + boundary + "--").getBytes(StandardCharsets.US_ASCII);
        int start = indexOf(body, headerEnd, 0) + headerEnd.length;
        int end = indexOf(body, closing, start);
        return Arrays.copyOfRange(body, start, end);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("malformed multipart body");
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }

    private static void error(HttpExchange ex, String message) throws IOException {
        send(ex, 500, "application/json", ("{\"Message\":\"" + message + "\",\"Code\":0,\"Type\":\"error\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    /** CIDv1, raw codec, sha2-256 multihash, "b" + RFC 4648 base32 lower case without padding. */
    static String cid(byte[] data) {
        try {
            byte[] bytes = new byte[36];
            bytes[0] = 0x01;
            bytes[1] = 0x55;
            bytes[2] = 0x12;
            bytes[3] = 0x20;
            System.arraycopy(MessageDigest.getInstance("SHA-256").digest(data), 0, bytes, 4, 32);
            String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
            StringBuilder out = new StringBuilder("b");
            int buffer = 0;
            int bits = 0;
            for (byte b : bytes) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
