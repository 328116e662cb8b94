package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import net.defarm.application.identity.AccountPolicy;
import net.defarm.bootstrap.AccountSettings;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** Sign-ups are limited per client address and hour: every account opens with free credits. */
class RegistrationLimitTest extends RunningService {

    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }

    @Override
    protected ServiceSettings adjust(ServiceSettings settings) {
        return settings.withAccounts(new AccountSettings(AccountPolicy.defaults().withRegistrationsPerAddressPerHour(3),
                AccountSettings.Transport.LOG, null, false));
    }

    private Response register(String name) {
        return api.post("/api/auth/register", null, "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.com\",\"password\":\"Str0ng!Pass\"}");
    }

    @Test
    void theFourthSignUpFromOneAddressWithinTheHourIs429() {
        String prefix = "farm-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < 3; i++) {
            assertEquals(200, register(prefix + i).status());
        }
        Response refused = register(prefix + "3");
        assertEquals(429, refused.status(), refused.body().toString());
        assertEquals("TOO_MANY_REGISTRATIONS", refused.text("code"));
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(401, api.post("/api/auth/login", null, "{\"username\":\"" + prefix + "3\",\"password\":"
                + "\"Str0ng!Pass\"}").status(), "the refused sign-up opened no account");
    }
}
