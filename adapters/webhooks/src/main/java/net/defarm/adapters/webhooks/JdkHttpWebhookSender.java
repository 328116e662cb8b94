package net.defarm.adapters.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import net.defarm.application.delivery.WebhookSender;
import net.defarm.application.delivery.WebhookTargetGuard;
import net.defarm.domain.shared.DomainException;

/**
 * Sends webhook requests with the JDK's HTTP client: the target is checked again right before the call (a name
 * may resolve elsewhere now than at creation), redirects are never followed, connecting and answering are bounded
 * by timeouts, and only the first kilobyte of the receiver's body is read and kept.
 */
public final class JdkHttpWebhookSender implements WebhookSender, AutoCloseable {

    private static final int KEPT_BODY_BYTES = 1024;

    private final WebhookTargetGuard guard;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    /**
     * Built at the first send, not with the service: building it loads the TLS stack and reads the trust store, a
     * visible share of a cold start that most instances never need.
     */
    private HttpClient client;
    private boolean closed;
    /** Guards client and closed (a lock, not a monitor: the project allows no synchronized methods). */
    private final ReentrantLock lock = new ReentrantLock();

    public JdkHttpWebhookSender(WebhookTargetGuard guard, Duration connectTimeout, Duration readTimeout) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    private HttpClient client() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the webhook sender is closed");
            }
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
            }
            return client;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Outcome send(Request request) {
        long start = System.nanoTime();
        try {
            guard.check(request.url());
        } catch (DomainException e) {
            return new Outcome(null, e.getMessage(), null, 0);
        }
        HttpRequest http;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout)
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
            request.headers().forEach(b::header);
            http = b.build();
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "The request could not be built: " + e.getMessage(), null, 0);
        }
        HttpClient http1;
        try {
            http1 = client();
        } catch (IllegalStateException e) {
            return new Outcome(null, "Delivery failed: " + e.getMessage(), null, 0);
        }
        CompletableFuture<HttpResponse<InputStream>> pending = http1.sendAsync(http,
                HttpResponse.BodyHandlers.ofInputStream());
        try {
            // The request timeout bounds the wait for the response head; this bounds reading the kept body too.
            HttpResponse<InputStream> response = pending.get(readTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            String body = readStart(response.body());
            int status = response.statusCode();
            String error = status >= 300 && status < 400 ? "The receiver answered a redirect, which is not followed"
                    : null;
            return new Outcome(status, error, body, millisSince(start));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Outcome(null, "No answer within " + readTimeout.toMillis() + " ms", null, millisSince(start));
        } catch (ExecutionException e) {
            return new Outcome(null, describe(e.getCause()), null, millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return new Outcome(null, "Interrupted while sending", null, millisSince(start));
        }
    }

    /** Stops the client's threads; calls in flight fail (their messages are retried after the lease). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (client != null) {
                client.shutdownNow();
            }
        } finally {
            lock.unlock();
        }
    }

    private static String readStart(InputStream in) {
        try (in) {
            byte[] kept = in.readNBytes(KEPT_BODY_BYTES + 1);
            String text = new String(kept, 0, Math.min(kept.length, KEPT_BODY_BYTES), StandardCharsets.UTF_8);
            return kept.length > KEPT_BODY_BYTES ? text + "…" : text;
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "Timed out: " + cause.getMessage();
        }
        if (cause instanceof java.net.ConnectException) {
            return "Connection refused or unreachable";
        }
        String message = cause.getMessage();
        return "Delivery failed: " + (message == null ? "the connection broke" : message);
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
