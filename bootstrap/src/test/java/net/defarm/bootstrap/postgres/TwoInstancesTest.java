package net.defarm.bootstrap.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** Two service instances on one database: 10,000 concurrent creations, no duplicate DFID, no lost item. */
class TwoInstancesTest {

    private static final int ITEMS = 10_000;
    private static final int CLIENTS = 32;

    @Test
    void tenThousandConcurrentCreationsAcrossTwoInstances() throws Exception {
        try (TwoServices services = TwoServices.start()) {
            ApiClient[] apis = {new ApiClient(services.a().port()), new ApiClient(services.b().port())};
            String token = apis[0].signUp("two-instances");
            Set<String> dfids = ConcurrentHashMap.newKeySet();
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < ITEMS) {
                        Response r = apis[n % 2].post("/api/items", token,
                                "{\"identifiers\":[{\"namespace\":\"bovino\",\"key\":\"brinco\",\"value\":\"" + n
                                        + "\"}]}");
                        if (r.status() == 200) {
                            acknowledged.incrementAndGet();
                            dfids.add(r.text("dfid"));
                        } else {
                            failures.add(r.status() + " " + r.body());
                        }
                    }
                }));
            }
            for (Thread t : clients) {
                t.join();
            }
            assertTrue(failures.isEmpty(), failures.stream().limit(5).toList().toString());
            assertEquals(ITEMS, acknowledged.get());
            assertEquals(ITEMS, dfids.size(), "no duplicate DFID");
            assertEquals(ITEMS, services.database().count("SELECT count(*) FROM items"), "no lost item");
            assertEquals(ITEMS, services.database().count("SELECT count(DISTINCT dfid) FROM items"));
            assertEquals(ITEMS, services.database().count("SELECT count(*) FROM item_identifiers"));
        }
    }
}
