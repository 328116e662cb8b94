package net.defarm.adapters.http.notifications;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What waits to be written to one socket, bounded: a client that reads slower than its notifications arrive fills
 * it, and from then on it refuses everything ({@link #overflowed()}) and lets go of what it held, so that the
 * socket is dropped instead of the server holding an ever-growing backlog for it.
 */
final class SocketQueue<T> {

    /** Wakes a writer waiting on an empty queue when the queue overflows. */
    private static final Object WAKE = new Object();

    private final BlockingQueue<Object> waiting;
    private final int capacity;
    private final AtomicBoolean overflowed = new AtomicBoolean();

    SocketQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a socket queue holds at least one message");
        }
        this.capacity = capacity;
        this.waiting = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Queues a message without waiting (producers never block). Returns true only for the offer that overflowed the
     * queue, so that the caller drops the socket once; every offer after that is refused.
     */
    boolean offerOrOverflow(T message) {
        if (overflowed.get() || waiting.offer(message)) {
            return false;
        }
        if (!overflowed.compareAndSet(false, true)) {
            return false;
        }
        waiting.clear();
        waiting.offer(WAKE);
        return true;
    }

    /** The next message; null when none arrived within {@code timeout}, or once the queue has overflowed. */
    @SuppressWarnings("unchecked")
    T poll(Duration timeout) throws InterruptedException {
        if (overflowed.get()) {
            return null;
        }
        Object next = waiting.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return next == WAKE || overflowed.get() ? null : (T) next;
    }

    boolean overflowed() {
        return overflowed.get();
    }

    int capacity() {
        return capacity;
    }

    /** Messages waiting now (none once overflowed). */
    int size() {
        return overflowed.get() ? 0 : waiting.size();
    }
}
