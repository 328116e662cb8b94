package net.defarm.adapters.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import net.defarm.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class DnsWebhookTargetGuardTest {

    private final DnsWebhookTargetGuard strict = new DnsWebhookTargetGuard(Set.of());

    private static String code(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).code();
    }

    @Test
    void internalAddressesAreRefusedAfterResolution() {
        for (String url : List.of("http://127.0.0.1/x", "http://localhost/x", "http://[::1]/x", "http://10.0.0.1/",
                "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/", "http://192.168.0.1/",
                "http://172.16.5.4/", "http://100.64.0.1/", "http://[fd00:ec2::254]/", "http://[fe80::1]/",
                "http://[::ffff:127.0.0.1]/", "http://[::127.0.0.1]/", "http://239.1.1.1/", "http://2130706433/")) {
            assertEquals("WEBHOOK_URL_REFUSED", code(() -> strict.check(url)), url);
        }
    }

    @Test
    void malformedOrNonHttpUrlsAreInvalid() {
        for (String url : List.of("ftp://example.com/", "file:///etc/passwd", "not a url", "http:///nohost",
                "https://user:pw@example.com/", "")) {
            assertEquals("INVALID_WEBHOOK_URL", code(() -> strict.check(url)), url);
        }
    }

    @Test
    void theAllowListNamesHostsExactlyAsWritten() {
        DnsWebhookTargetGuard allowing = new DnsWebhookTargetGuard(Set.of("127.0.0.1", "[::1]"));
        assertDoesNotThrow(() -> allowing.check("http://127.0.0.1:9000/hook"));
        assertDoesNotThrow(() -> allowing.check("http://[::1]:9000/hook"));
        assertEquals("WEBHOOK_URL_REFUSED", code(() -> allowing.check("http://localhost:9000/hook")),
                "a name that resolves to an allowed address is not itself allowed");
        assertEquals("WEBHOOK_URL_REFUSED", code(() -> allowing.check("http://127.0.0.2/hook")));
    }

    @Test
    void publicAddressesPass() {
        assertDoesNotThrow(() -> strict.check("https://93.184.215.14/hook"));
        assertDoesNotThrow(() -> strict.check("http://[2606:4700::1111]/hook"));
    }
}
