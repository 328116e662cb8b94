package net.defarm.application.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.defarm.application.delivery.DeliveryPorts;
import net.defarm.application.delivery.MailMessage;
import net.defarm.application.delivery.Mailer;
import net.defarm.application.delivery.SecretBox;
import net.defarm.application.delivery.WebhookSender;
import net.defarm.application.delivery.WebhookSigner;
import net.defarm.application.delivery.WebhookTargetGuard;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Delivery test doubles for use-case tests: a reversible (not secret) box, a fake signer, a guard that accepts
 * http(s) URLs,
 * a sender that records each request and answers 200, and a mailer that records each mail. The real ones are tested
 * over HTTP in bootstrap.
 */
public final class RecordingDelivery implements SecretBox, WebhookSigner, WebhookTargetGuard, WebhookSender {

    public final List<Request> sent = new CopyOnWriteArrayList<>();
    public final List<MailMessage> mails = new CopyOnWriteArrayList<>();
    /** The next this-many mails fail. */
    public final java.util.concurrent.atomic.AtomicInteger mailFailuresLeft = new java.util.concurrent.atomic.AtomicInteger();
    /** The next this-many sends answer 500. */
    public final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();

    public DeliveryPorts ports() {
        return new DeliveryPorts(this, this, this, this, this::mail);
    }

    @Override
    public String seal(String plain) {
        return "test:" + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String open(String sealed) {
        return new String(Base64.getDecoder().decode(sealed.substring("test:".length())), StandardCharsets.UTF_8);
    }

    @Override
    public String newSecret() {
        return "whsec_dGVzdC1zZWNyZXQ=";
    }

    @Override
    public String sign(String secret, String messageId, long timestampSeconds, String body) {
        return "v1,test:" + messageId + "." + timestampSeconds;
    }

    @Override
    public void check(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InvalidInputException("INVALID_WEBHOOK_URL", "Only HTTP and HTTPS URLs are allowed");
        }
    }

    private Mailer.Outcome mail(MailMessage mail) {
        if (mailFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Mailer.Outcome("mail server unavailable", 1);
        }
        mails.add(mail);
        return new Mailer.Outcome(null, 1);
    }

    @Override
    public Outcome send(Request request) {
        sent.add(request);
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Outcome(500, null, "down", 1);
        }
        return new Outcome(200, null, "ok", 1);
    }
}
