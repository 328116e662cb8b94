package net.defarm.adapters.mail;

import java.lang.System.Logger.Level;
import net.defarm.application.delivery.MailMessage;
import net.defarm.application.delivery.Mailer;

/**
 * A local stand-in for a mail server: writes each mail to the server log instead of sending it. The part of a mail
 * that grants something (a reset token) is redacted unless {@code revealSecrets} is on, which is for development
 * only: anyone who reads the log could then reset that account's password.
 */
public final class LogMailer implements Mailer {

    private static final System.Logger LOG = System.getLogger(LogMailer.class.getName());

    private final boolean revealSecrets;

    public LogMailer(boolean revealSecrets) {
        this.revealSecrets = revealSecrets;
    }

    @Override
    public Outcome send(MailMessage mail) {
        LOG.log(Level.INFO, render(mail));
        return new Outcome(null, 0);
    }

    /** The log entry of one mail. */
    String render(MailMessage mail) {
        return "mail (not sent: MAIL_TRANSPORT=log) to " + mail.to() + ", subject \"" + mail.subject() + "\":\n"
                + (revealSecrets ? mail.text() : mail.redactedText());
    }
}
