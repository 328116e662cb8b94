package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.Test;

/** CREDITS_ENFORCE=true: operations are debited, and a short balance refuses them with 402 and changes nothing. */
public abstract class EnforcedCreditHttpTests extends RunningService {

    @Override
    protected ServiceSettings adjust(ServiceSettings settings) {
        return settings.withCreditsEnforce(true);
    }

    private long balance(User user) {
        return ok(api.get("/users/me/credits/balance", user.token())).body().path("credits").asLong();
    }

    private Response createItem(User user, String lot) {
        return api.post("/api/items", user.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + lot + "\"}]}");
    }

    private int items(User user, String lot) {
        return ok(api.get("/api/items?identifier_key=lote&identifier_value=" + lot, user.token())).body().size();
    }

    @Test
    void itemCreationAndPushAreDebited() {
        User alice = api.newUser("alice");
        String dfid = ok(createItem(alice, "PAID-1")).text("dfid");
        assertEquals(98, balance(alice));
        String circuit = newCircuit(alice, "Paid", "charged");
        ok(api.post("/api/circuits/" + circuit + "/push/" + dfid, alice.token(), "{}"));
        assertEquals(95, balance(alice));
        JsonNode line = ok(api.get("/users/me/credits/history?limit=1", alice.token())).body()
                .path("transactions").get(0);
        assertEquals("Consumption", line.path("transaction_type").asText());
        assertEquals(-3, line.path("amount").asLong());
        assertEquals(95, line.path("balance_after").asLong());
    }

    @Test
    void aShortBalanceIsRefusedWith402AndNothingIsCreated() {
        User admin = CreditFixture.admin(service, api);
        User bob = api.newUser("bob");
        ok(api.post("/api/admin/users/" + bob.id() + "/credits", admin.token(), CreditFixture.adjustment(-99,
                "leave one")));
        Response refused = createItem(bob, "TOO-DEAR");
        assertError(refused, 402, "INSUFFICIENT_CREDITS");
        assertEquals("Insufficient credits", refused.text("error"));
        assertEquals(2, refused.body().path("required").asLong());
        assertEquals(1, refused.body().path("balance").asLong());
        assertEquals(0, items(bob, "TOO-DEAR"), "the item was not created");
        assertEquals(1, balance(bob), "the balance did not move");
        assertEquals(2, ok(api.get("/users/me/credits/history", bob.token())).body().path("transactions").size());
        ok(createItem(admin, "ADMIN-FREE"));
        assertEquals(100, balance(admin), "the Admin tier is never charged");
    }
}
