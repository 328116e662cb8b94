package net.defarm.bootstrap.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.TestSettings;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A REDIS_URL that names an ACL user ({@code redis://user:password@host:port/db}) connects as that user, and a user
 * allowed only the keys and channel under the service's prefix is enough: the cache touches nothing else.
 */
class RedisAclUserTest {

    @Test
    void anAclUserLimitedToThePrefixServesTheCache() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String user = "defarm-test-" + suffix;
        String password = "pw-" + UUID.randomUUID();
        String prefix = "acl-" + suffix;
        try (Jedis admin = new Jedis("127.0.0.1", TestSettings.REDIS_PORT)) {
            admin.aclSetUser(user, "reset", "on", ">" + password, "~" + prefix + ":*", "&" + prefix + ":*", "+@all");
            try (TestDatabase db = TestDatabase.create()) {
                CacheSettings.RedisEndpoint endpoint = CacheSettings.RedisEndpoint.parse("redis://" + user + ":"
                        + password + "@127.0.0.1:" + TestSettings.REDIS_PORT + "/0");
                Service service = Service.start(TestSettings.postgres(db.jdbcUrl(), TestDatabase.USER,
                        TestDatabase.PASSWORD).withCache(CacheSettings.defaults(CacheSettings.Kind.REDIS)
                        .withRedis(endpoint, prefix)));
                try {
                    RunningService.awaitCache(service);
                    ApiClient api = new ApiClient(service.port());
                    String token = api.signUp("acl-" + suffix);
                    String dfid = api.post("/api/items", token,
                            "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"A\"}]}").text("dfid");
                    for (int i = 0; i < 2; i++) {
                        assertEquals(200, api.get("/api/items/" + dfid, token).status());
                    }
                    assertEquals("healthy", service.cacheStatus().orElseThrow().redis(),
                            "no Redis command was refused to the ACL user");
                    assertEquals(0, service.cacheStatus().orElseThrow().redisErrors());
                } finally {
                    service.close();
                }
            } finally {
                admin.aclDelUser(user);
            }
        }
    }
}
