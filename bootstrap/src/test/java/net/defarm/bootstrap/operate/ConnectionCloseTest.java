package net.defarm.bootstrap.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.StoreMode;
import org.junit.jupiter.api.Test;

/**
 * A request with {@code Connection: close} gets its response and then the end of the stream: the server closes
 * the socket, so a client that reads to the end (HTTP/1.1 section 9.6) does not wait for an idle timeout.
 */
class ConnectionCloseTest extends RunningService {

    /** Generous for a loaded machine, and still far below the web server's idle reaper (minutes). */
    private static final int READ_TIMEOUT_MS = 10_000;

    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }

    @Test
    void theServerClosesTheSocketAfterARouteAnswers() throws IOException {
        String response = exchange("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertTrue(response.toLowerCase().contains("connection: close"), response);
        assertTrue(response.endsWith("}"), "the whole body arrived before the end of the stream: " + response);
    }

    @Test
    void alsoAfterAnErrorAnUnknownPathAndAMixedCaseTokenList() throws IOException {
        assertTrue(exchange("GET /api/items HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive, Close\r\n\r\n")
                .startsWith("HTTP/1.1 401"));
        assertTrue(exchange("GET /no/such/path HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 404"));
        String body = "{\"username\":\"x\"}";
        assertTrue(exchange("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .startsWith("HTTP/1.1 4"));
    }

    @Test
    void withoutTheHeaderTheConnectionStaysUsable() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 2; i++) {
                out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 200"), "request " + (i + 1) + " on the same socket: " + head);
                int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
                assertEquals(length, in.readNBytes(length).length, "the whole body");
            }
        }
    }

    /** Sends the request and reads until the server closes: what arrived, or a failure if the end never came. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the socket open " + READ_TIMEOUT_MS / 1000
                        + " s after answering a request with Connection: close; received:\n" + received, e);
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the connection closed early: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
