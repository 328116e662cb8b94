package net.defarm.bootstrap.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.MainProbe;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export writes every record; import loads it anywhere, idempotently, and proves it with counts and checksums. */
class TransferCommandsTest {

    @TempDir
    Path dir;

    private static ServiceSettings pg(TestDatabase db) {
        return TestSettings.postgres(db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
    }

    @Test
    void anExportImportsIntoAnotherDatabaseIdempotentlyAndAnythingElseIsRefused() throws IOException {
        try (TestDatabase source = TestDatabase.create(); TestDatabase target = TestDatabase.create()) {
            try (Service service = Service.start(pg(source))) {
                ApiClient api = new ApiClient(service.port());
                String token = api.signUp("exporter-" + UUID.randomUUID().toString().substring(0, 8));
                for (int i = 0; i < 30; i++) {
                    String dfid = api.post("/api/items", token, "{\"identifiers\":[{\"namespace\":\"bovino\","
                            + "\"key\":\"sisbov\",\"value\":\"BR" + (100000000000L + i) + "\",\"id_type\":"
                            + "\"Canonical\"}],\"enriched_data\":{\"peso\":" + (300 + i) + ",\"fator\":0.5}}")
                            .text("dfid");
                    api.post("/api/events", token, "{\"dfid\":\"" + dfid + "\",\"event_type\":\"enriched\","
                            + "\"visibility\":\"public\",\"metadata\":{\"n\":" + i + "}}");
                }
                api.post("/api/circuits", token, "{\"name\":\"C\",\"description\":\"d\"}");
            }
            Path file = dir.resolve("export.jsonl");
            assertEquals(0, MainProbe.export(pg(source), file.toString()));
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertTrue(lines.getFirst().contains("\"format\":\"defarm-export\""), lines.getFirst());
            assertTrue(lines.getLast().startsWith("{\"summary\":"), lines.getLast());
            assertEquals(1 + 1 + 30 + 30 + 31 + 1 + 1, lines.size(), "header, user, items, events, snapshots "
                    + "(one per item, one of the circuit's creation), circuit, summary");

            assertEquals(0, MainProbe.importFile(pg(target), file), "the target holds exactly the file");
            assertEquals(30, target.count("SELECT count(*) FROM items"));
            assertEquals(0, MainProbe.importFile(pg(target), file), "a second import changes nothing");
            assertEquals(30, target.count("SELECT count(*) FROM items"));
            assertEquals(30, target.count("SELECT count(*) FROM events"));

            try (Service service = Service.start(pg(target))) {
                ApiClient api = new ApiClient(service.port());
                var login = api.post("/api/auth/login", null, "{\"username\":\"" + lines.get(1).replaceAll(
                        ".*\"username\":\"([^\"]+)\".*", "$1") + "\",\"password\":\"Str0ng!Pass\"}");
                assertEquals(200, login.status(), "imported accounts sign in with their passwords");
                String created = api.post("/api/items", login.text("token"),
                        "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"after\"}]}").text("dfid");
                assertEquals(200, api.get("/api/items/" + created, login.text("token")).status());
            }

            List<String> edited = new ArrayList<>(lines);
            edited.set(3, edited.get(3).replace("\"peso\":", "\"peso\":1"));
            Path tampered = dir.resolve("tampered.jsonl");
            Files.write(tampered, edited, StandardCharsets.UTF_8);
            try (TestDatabase other = TestDatabase.create()) {
                assertEquals(1, MainProbe.importFile(pg(other), tampered), "content that does not match its "
                        + "summary is refused");
                Path garbage = dir.resolve("garbage.jsonl");
                Files.writeString(garbage, "not an export\n");
                assertEquals(1, MainProbe.importFile(pg(other), garbage));
            }
        }
    }
}
