package net.defarm.adapters.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import net.defarm.application.delivery.MailMessage;
import net.defarm.application.delivery.Mailer;

/**
 * Sends mail to an SMTP server with Jakarta Mail (Eclipse Angus): one connection per mail, bounded connect, read and
 * write times, authentication when credentials are configured. A failure is reported, never thrown: the outbox
 * dispatcher retries it.
 */
public final class SmtpMailer implements Mailer {

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("MAIL_FROM is not a mail address: " + e.getMessage(), e);
        }
    }

    static Properties properties(SmtpSettings s) {
        String protocol = s.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        String timeout = Long.toString(s.timeout().toMillis());
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", Integer.toString(s.port()));
        p.put("mail." + protocol + ".auth", Boolean.toString(s.username() != null));
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        if (s.security() == SmtpSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (s.security() != SmtpSettings.Security.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public Outcome send(MailMessage mail) {
        long start = System.nanoTime();
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            try (Transport transport = session.getTransport()) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            return new Outcome(null, elapsed(start));
        } catch (MessagingException | RuntimeException e) {
            return new Outcome("SMTP " + settings.host() + ":" + settings.port() + ": " + describe(e), elapsed(start));
        }
    }

    private static String describe(Exception e) {
        Throwable t = e;
        StringBuilder s = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            s.append(" (").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(')');
        }
        return s.toString();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
