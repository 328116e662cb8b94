package net.defarm.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import net.defarm.application.delivery.MailMessage;
import net.defarm.application.delivery.Mailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP adapter against a real SMTP server (GreenMail), on a free port. */
class SmtpMailerTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(true);

    private static SmtpSettings settings(int port, String user, String password) {
        return new SmtpSettings("127.0.0.1", port, user, password, SmtpSettings.Security.NONE,
                "DeFarm <no-reply@defarm.test>", Duration.ofSeconds(5));
    }

    private static final MailMessage MAIL = new MailMessage("ana@example.com", "Reset your DeFarm password",
            "Open https://app.example/reset-password?token=abc123 — válido por 30 minutos", "abc123");

    @Test
    void aMailArrivesWithItsSenderSubjectAndUtf8Text() throws Exception {
        Mailer.Outcome outcome = new SmtpMailer(settings(SERVER.getSmtp().getPort(), null, null)).send(MAIL);
        assertTrue(outcome.sent(), outcome.error());
        assertTrue(SERVER.waitForIncomingEmail(5_000, 1));
        MimeMessage received = SERVER.getReceivedMessages()[0];
        assertEquals("Reset your DeFarm password", received.getSubject());
        assertEquals("no-reply@defarm.test", ((InternetAddress) received.getFrom()[0]).getAddress());
        assertEquals("ana@example.com", ((InternetAddress) received.getAllRecipients()[0]).getAddress());
        String text = received.getContent().toString();
        assertTrue(text.contains("reset-password?token=abc123"), text);
        assertTrue(text.contains("válido"), "UTF-8 text survives: " + text);
    }

    @Test
    void credentialsAreSentWhenConfigured() throws Exception {
        SERVER.setUser("relay@defarm.test", "relay-user", "relay-pass");
        Mailer.Outcome ok = new SmtpMailer(settings(SERVER.getSmtp().getPort(), "relay-user", "relay-pass"))
                .send(MAIL);
        assertTrue(ok.sent(), ok.error());
        assertTrue(SERVER.waitForIncomingEmail(5_000, 1));
        Mailer.Outcome refused = new SmtpMailer(settings(SERVER.getSmtp().getPort(), "relay-user", "wrong"))
                .send(MAIL);
        assertFalse(refused.sent());
        assertTrue(refused.error().contains("Authentication"), refused.error());
    }

    @Test
    void anUnreachableServerIsAFailedOutcomeNotAnException() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Mailer.Outcome outcome = new SmtpMailer(settings(closed, null, null)).send(MAIL);
        assertFalse(outcome.sent());
        assertTrue(outcome.error().startsWith("SMTP 127.0.0.1:" + closed), outcome.error());
    }

    @Test
    void starttlsIsRequiredWhenAskedFor() {
        SmtpSettings tls = new SmtpSettings("127.0.0.1", SERVER.getSmtp().getPort(), null, null,
                SmtpSettings.Security.STARTTLS, "no-reply@defarm.test", Duration.ofSeconds(5));
        assertEquals("true", SmtpMailer.properties(tls).getProperty("mail.smtp.starttls.required"));
        // GreenMail's plain SMTP offers no STARTTLS: the mail must not go out unencrypted.
        Mailer.Outcome outcome = new SmtpMailer(tls).send(MAIL);
        assertFalse(outcome.sent());
        assertEquals(0, SERVER.getReceivedMessages().length);
    }
}
