package net.defarm.bootstrap.http;

import java.util.List;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.Test;

/** Without an allow-list (the default), even the service's own host is refused as a webhook target. */
class MemoryModeWebhookGuardTest extends RunningService {

    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }

    @Test
    void loopbackTargetsAreRefusedWithoutAnAllowList() {
        User a = api.newUser("guard");
        String cid = ok(api.post("/api/circuits", a.token(), "{\"name\":\"g\",\"description\":\"d\"}"))
                .text("circuit_id");
        for (String url : List.of("http://127.0.0.1:" + service.port() + "/api/items", "http://localhost/x",
                "http://[::1]/x", "http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data/")) {
            assertError(api.post("/api/circuits/" + cid + "/post-actions/webhooks", a.token(),
                    "{\"name\":\"x\",\"url\":\"" + url + "\"}"), 400, "WEBHOOK_URL_REFUSED");
        }
    }
}
