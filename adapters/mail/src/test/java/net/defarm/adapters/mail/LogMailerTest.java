package net.defarm.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.defarm.application.delivery.MailMessage;
import org.junit.jupiter.api.Test;

class LogMailerTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final MailMessage MAIL = new MailMessage("ana@example.com", "Reset",
            "Link: http://localhost:3000/reset-password?token=" + TOKEN, TOKEN);

    @Test
    void theTokenIsRedactedUnlessRevealingIsOn() {
        String quiet = new LogMailer(false).render(MAIL);
        assertFalse(quiet.contains(TOKEN), quiet);
        assertTrue(quiet.contains("token=[redacted]") && quiet.contains("ana@example.com"), quiet);
        assertTrue(new LogMailer(true).render(MAIL).contains("token=" + TOKEN));
        assertTrue(new LogMailer(false).send(MAIL).sent());
    }

    @Test
    void smtpSettingsRefuseIncompleteConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new SmtpSettings(" ", 25, null, null,
                SmtpSettings.Security.NONE, "a@b.c", Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new SmtpSettings("smtp.example", 25, "user", null,
                SmtpSettings.Security.NONE, "a@b.c", Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> SmtpSettings.Security.parse("ssl3"));
        assertThrows(IllegalArgumentException.class, () -> new SmtpMailer(new SmtpSettings("smtp.example", 25, null,
                null, SmtpSettings.Security.NONE, "not an address", Duration.ofSeconds(1))));
    }
}
