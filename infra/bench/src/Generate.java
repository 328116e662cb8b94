import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import net.defarm.adapters.json.RecordJson;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.items.Dfid;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * Writes a realistic dataset in the service's export format (JSON Lines, loaded with {@code bin/run import FILE}):
 * farms (users), cattle under SISBOV numbers with ear tags, lots and the owner's CPF or CNPJ, grain lots under CAR
 * registrations, and each item's history of events (birth, weighings, vaccinations, moves). Deterministic for a
 * seed. Records are built with the domain's own constructors, so DFIDs, checksums and event hashes are valid.
 *
 * <pre>
 * java -cp "bootstrap/target/lib/*" infra/bench/src/Generate.java ITEMS FILE [EVENTS_PER_ITEM=3] [SEED=7] [FARMS]
 * </pre>
 * Every farm's password is {@code Str0ng!Pass}; the first farm is {@code farm-0}. FARMS defaults to one per 2,000
 * items; items are dealt out to the farms in turn.
 */
public class Generate {

    private static final String[] BREEDS = {"Nelore", "Angus", "Brahman", "Senepol", "Girolando", "Tabapuã"};
    private static final String[] VACCINES = {"aftosa", "brucelose", "raiva", "clostridiose"};
    private static final String[] CROPS = {"soja", "milho"};

    public static void main(String[] args) throws IOException {
        long items = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        int eventsPerItem = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SplittableRandom random = new SplittableRandom(args.length > 3 ? Long.parseLong(args[3]) : 7);
        ObjectMapper json = RecordJson.mapper();
        int farms = args.length > 4 ? Integer.parseInt(args[4]) : (int) Math.max(1, items / 2000);
        String hash = BCrypt.withDefaults().hashToString(4, "Str0ng!Pass".toCharArray());
        Instant base = LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        LocalDate day = LocalDate.of(2025, 1, 1);
        List<String> owners = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(json.writeValueAsString(json.createObjectNode().put("format", "defarm-export").put("version", 1)
                    .put("exported_at", Instant.now().toString())));
            out.newLine();
            for (int f = 0; f < farms; f++) {
                String id = "user-" + new UUID(0x5eed0000L + f, f).toString();
                owners.add(id);
                write(out, json, "user", UserAccount.register(id, "farm-" + f, "farm" + f + "@example.com", hash,
                        "fazenda-" + f, base));
            }
            List<Event> events = new ArrayList<>();
            for (long n = 1; n <= items; n++) {
                int farm = (int) (n % farms);
                String owner = owners.get(farm);
                Instant created = base.plus(n % 86_400, ChronoUnit.SECONDS).plusMillis(n % 1000);
                String dfid = Dfid.issue(day, n).toString();
                List<Identifier> ids = new ArrayList<>();
                JsonObject data;
                if (n % 5 != 0) {
                    ids.add(Identifier.canonical("bovino", "sisbov", "BR" + String.format("%012d", 100_000_000_000L + n)));
                    ids.add(Identifier.contextual("bovino", "brinco", String.format("%05d", n % 100_000)));
                    ids.add(Identifier.contextual("bovino", "lote", "LOTE-" + farm + "-" + (n / 50)));
                    ids.add(farm % 3 == 0
                            ? Identifier.canonical("generic", "cnpj", document(farm, 14))
                            : Identifier.canonical("generic", "cpf", document(farm, 11)));
                    data = JsonObject.of("raca", JsonValue.of(BREEDS[random.nextInt(BREEDS.length)]))
                            .with("peso_kg", JsonValue.of(180 + random.nextInt(420)))
                            .with("sexo", JsonValue.of(random.nextBoolean() ? "M" : "F"))
                            .with("nascimento", JsonValue.of(day.minusDays(random.nextInt(1500)).toString()));
                } else {
                    String crop = CROPS[random.nextInt(CROPS.length)];
                    ids.add(Identifier.canonical(crop, "car", "BR-MT-" + String.format("%010d", farm) + "-" + n));
                    ids.add(Identifier.contextual(crop, "lote", "SAFRA-2025-" + n));
                    data = JsonObject.of("cultura", JsonValue.of(crop))
                            .with("toneladas", JsonValue.of(5 + random.nextInt(300)))
                            .with("umidade_pct", JsonValue.of(11 + random.nextInt(4)));
                }
                Item item = Item.create(dfid, ids, data, new UUID(n, 0x5eedL), owner, created);
                write(out, json, "item", item);
                for (int e = 0; e < eventsPerItem; e++) {
                    EventType type = e == 0 ? EventType.CREATED : (e % 2 == 1 ? EventType.ENRICHED : EventType.UPDATED);
                    JsonObject meta = e == 0 ? JsonObject.of("origem", JsonValue.of("nascimento"))
                            : e % 2 == 1 ? JsonObject.of("vacina", JsonValue.of(VACCINES[random.nextInt(VACCINES.length)]))
                                    .with("dose", JsonValue.of(e))
                            : JsonObject.of("peso_kg", JsonValue.of(200 + random.nextInt(400)));
                    events.add(Event.record(new UUID(n, e), dfid, type, owner,
                            e == 0 ? EventVisibility.PUBLIC : EventVisibility.PRIVATE, meta,
                            created.plus(e + 1L, ChronoUnit.DAYS)));
                }
                if (events.size() >= 10_000) {
                    flush(out, json, events);
                }
            }
            flush(out, json, events);
        }
    }

    /** Events are written after all items (the import order), kept in memory a chunk at a time. */
    private static void flush(BufferedWriter out, ObjectMapper json, List<Event> events) throws IOException {
        // Items and events interleave in chunks; the importer batches by kind, so this stays valid input.
        for (Event e : events) {
            write(out, json, "event", e);
        }
        events.clear();
    }

    private static void write(BufferedWriter out, ObjectMapper json, String kind, Object record) throws IOException {
        // Written as text, not through a tree: a tree would turn the domain's exact numbers into doubles.
        out.write("{\"kind\":\"" + kind + "\",\"record\":" + json.writeValueAsString(record) + "}");
        out.newLine();
    }

    private static String document(int farm, int digits) {
        String s = String.format("%0" + digits + "d", 10_000_000L + farm * 7919L);
        return s.substring(s.length() - digits);
    }
}
