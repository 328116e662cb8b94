package net.defarm.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A test client of the notifications WebSocket (the JDK's {@link WebSocket}): collects the text frames it receives
 * and how the socket closed. Waits are bounded by generous deadlines, never by fixed sleeps.
 */
public final class SocketClient implements AutoCloseable {

    /** Generous: a healthy service answers in milliseconds; only a broken one makes a test wait this long. */
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The close the server sent: its code and reason. */
    public record Closed(int code, String reason) {
    }

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private SocketClient(int port, String token) throws InterruptedException, ExecutionException,
            TimeoutException {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/notifications/ws" + query), new Listener())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Connects; fails the test if the upgrade is refused. */
    public static SocketClient connect(int port, String token) {
        try {
            return new SocketClient(port, token);
        } catch (ExecutionException e) {
            throw new AssertionError("the WebSocket upgrade failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the WebSocket upgrade did not complete", e);
        }
    }

    /** The HTTP status with which the upgrade was refused; fails the test if a socket was opened. */
    public static int refusedStatus(int port, String token) {
        try (SocketClient opened = new SocketClient(port, token)) {
            throw new AssertionError("a socket was opened for token " + token);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError("the upgrade failed without an HTTP answer: " + e.getCause(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the refused upgrade did not complete", e);
        }
    }

    /** The next text frame as JSON; fails the test if none arrives within {@link #WAIT}. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + WAIT.toSeconds() + " s (closed: " + closed.getNow(null)
                        + ")");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A frame already received, if any, without waiting. */
    public JsonNode poll() {
        return frames.poll();
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** How the server closed the socket; fails the test if it did not within {@link #WAIT}. */
    public Closed awaitClose() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the socket was not closed by the server", e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    frames.add(MAPPER.readTree(text.toString()));
                } catch (IOException e) {
                    frames.add(MAPPER.getNodeFactory().textNode("not JSON: " + text));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
