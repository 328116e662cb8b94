package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.defarm.bootstrap.Service;
import org.junit.jupiter.api.Test;

/** Stopping the service with sockets open: the stop completes and the clients see their sockets closed. */
class SocketShutdownTest {

    @Test
    void stoppingTheServiceClosesOpenSockets() {
        Service service = Service.start(TestSettings.memory());
        SocketClient socket;
        try {
            ApiClient api = new ApiClient(service.port());
            socket = SocketClient.connect(service.port(), api.newUser("shutdown").token());
            assertEquals("connected", socket.next().path("type").asText());
            assertEquals("unread_count", socket.next().path("type").asText());
        } finally {
            long start = System.nanoTime();
            service.close();
            System.out.println("stop with an open socket took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        SocketClient.Closed closed = socket.awaitClose();
        assertTrue(closed.code() != 0, closed.toString());
        socket.close();
    }
}
