package net.defarm.adapters.http.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-socket bound: a full queue overflows once, lets go of what it held and refuses everything after. */
class SocketQueueTest {

    @Test
    void holdsUpToItsCapacityInOrder() throws InterruptedException {
        SocketQueue<String> queue = new SocketQueue<>(3);
        assertFalse(queue.offerOrOverflow("a"));
        assertFalse(queue.offerOrOverflow("b"));
        assertFalse(queue.offerOrOverflow("c"));
        assertEquals(3, queue.size());
        assertEquals("a", queue.poll(Duration.ZERO));
        assertEquals("b", queue.poll(Duration.ZERO));
        assertFalse(queue.offerOrOverflow("d"), "room again once the writer took some");
        assertEquals("c", queue.poll(Duration.ZERO));
        assertEquals("d", queue.poll(Duration.ZERO));
        assertNull(queue.poll(Duration.ofMillis(1)), "empty: nothing within the timeout");
        assertFalse(queue.overflowed());
    }

    @Test
    void theOfferBeyondCapacityOverflowsOnceAndTheQueueLetsGo() throws InterruptedException {
        SocketQueue<Integer> queue = new SocketQueue<>(2);
        assertFalse(queue.offerOrOverflow(1));
        assertFalse(queue.offerOrOverflow(2));
        assertTrue(queue.offerOrOverflow(3), "the overflowing offer is reported, so the socket is dropped");
        assertTrue(queue.overflowed());
        for (int i = 0; i < 10_000; i++) {
            assertFalse(queue.offerOrOverflow(i), "reported once only");
        }
        assertEquals(0, queue.size(), "nothing is held for a dropped socket");
        assertNull(queue.poll(Duration.ofSeconds(5)), "an overflowed queue yields nothing, at once");
    }

    @Test
    void aQueueHoldsAtLeastOneMessage() {
        assertThrows(IllegalArgumentException.class, () -> new SocketQueue<String>(0));
    }
}
