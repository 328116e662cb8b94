package net.defarm.bootstrap;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import net.defarm.adapters.security.AesGcmSecretBox;
import net.defarm.adapters.security.HmacWebhookSigner;
import net.defarm.adapters.webhooks.DnsWebhookTargetGuard;
import net.defarm.adapters.webhooks.JdkHttpWebhookSender;
import net.defarm.application.delivery.DeliveryPorts;
import net.defarm.application.delivery.DispatchOutbox;

/**
 * The dispatcher of a long-running service: a virtual thread that delivers what is due, then sleeps for the poll
 * interval when nothing was (a full batch is followed at once by the next). A store outage is logged once per
 * episode and retried at the poll interval. Stopped before the store closes.
 */
final class OutboxDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxDispatcher.class.getName());

    private final DispatchOutbox dispatch;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean running = true;

    private OutboxDispatcher(DispatchOutbox dispatch, Duration interval) {
        this.dispatch = dispatch;
        this.interval = interval;
        this.thread = Thread.ofVirtual().name("outbox-dispatcher").unstarted(this::loop);
    }

    static OutboxDispatcher start(DispatchOutbox dispatch, Duration interval) {
        OutboxDispatcher dispatcher = new OutboxDispatcher(dispatch, interval);
        dispatcher.thread.start();
        return dispatcher;
    }

    /** The real adapters behind delivery, and the HTTP client to close with the service. */
    record Adapters(DeliveryPorts ports, JdkHttpWebhookSender sender) implements AutoCloseable {
        @Override
        public void close() {
            sender.close();
        }
    }

    /** AES-GCM sealing, HMAC signing, the SSRF guard, the JDK HTTP client, the configured mailer. */
    static Adapters adapters(DeliverySettings settings, AccountSettings accounts) {
        DnsWebhookTargetGuard guard = new DnsWebhookTargetGuard(settings.allowedHosts());
        JdkHttpWebhookSender sender = new JdkHttpWebhookSender(guard, settings.connectTimeout(),
                settings.readTimeout());
        return new Adapters(new DeliveryPorts(new AesGcmSecretBox(settings.secretKey()), new HmacWebhookSigner(), guard,
                sender, accounts.mailer()), sender);
    }

    private void loop() {
        // The first pass waits one interval: at start it would compete with the first requests for the first
        // connection and the CPU; a message already due waits no longer than one enqueued just after a pass.
        LockSupport.parkNanos(interval.toNanos());
        boolean failing = false;
        while (running) {
            try {
                DispatchOutbox.Summary pass = dispatch.runOnce();
                if (failing) {
                    LOG.log(Level.INFO, "outbox dispatcher: the store is reachable again");
                    failing = false;
                }
                if (pass.claimed() > 0) {
                    continue;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.log(Level.WARNING, "outbox dispatcher: pass failed, retrying every " + interval.toMillis()
                            + " ms: " + e.getMessage());
                    failing = true;
                }
            }
            // Parked, not interrupted, when stopped: a pass in progress finishes (and settles what it sent).
            LockSupport.parkNanos(interval.toNanos());
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
