package net.defarm.bootstrap.http;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.application.identity.AccountPolicy;
import net.defarm.bootstrap.AccountSettings;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.support.Pause;

/** A real SMTP server (GreenMail, on a free port) that services under test send their mail to. */
public final class MailCatcher implements AutoCloseable {

    public static final Pattern LINK = Pattern.compile(
            "http://localhost:3000/reset-password\\?token=([0-9a-f]{64})");

    private final GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    public MailCatcher() {
        server.start();
    }

    /** {@code settings} sending mail here, with {@code policy}'s limits. */
    public ServiceSettings route(ServiceSettings settings, AccountPolicy policy) {
        return settings.withAccounts(AccountSettings.DEFAULTS.withPolicy(policy)
                .withSmtp("127.0.0.1", server.getSmtp().getPort()));
    }

    /** The texts of the mails received for {@code address} so far. */
    public List<String> textsTo(String address) {
        return Arrays.stream(server.getReceivedMessagesForDomain(address)).map(MailCatcher::text).toList();
    }

    /** Waits (generously: the dispatcher runs in the background) for mail number {@code n} to {@code address}. */
    public String awaitText(String address, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (textsTo(address).size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mail number " + n + " to " + address + " within 30 s");
            }
            Pause.millis(20);
        }
        return textsTo(address).get(n - 1);
    }

    /** The reset token of a mail's link. */
    public static String token(String text) {
        Matcher m = LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no reset link in: " + text);
        }
        return m.group(1);
    }

    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
