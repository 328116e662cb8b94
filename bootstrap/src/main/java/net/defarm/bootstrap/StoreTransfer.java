package net.defarm.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import net.defarm.adapters.json.RecordJson;
import net.defarm.application.storage.AggregateKind;
import net.defarm.application.storage.ImportRecords;
import net.defarm.application.storage.StoragePorts;

/**
 * The {@code export} and {@code import} commands. An export is JSON Lines: a header, one line per record
 * ({@code {"kind":"item","record":{...}}}, kinds in dependency order), and a summary with the count and content
 * checksum of every kind. An import reads such a file into any store in batches (idempotent: what is already
 * there is skipped, so an interrupted import is finished by running it again), then exports the store's content
 * and compares counts and checksums with the file's.
 */
final class StoreTransfer {

    static final String FORMAT = "defarm-export";
    static final int BATCH = 1000;
    /** Batches written at the same time (each in its own transaction). */
    static final int WRITERS = 3;

    private final ObjectMapper json = RecordJson.mapper();
    private final PrintStream progress;

    StoreTransfer(PrintStream progress) {
        this.progress = progress;
    }

    /** Counts and order-independent content checksums, kind by kind; filled from one thread. */
    static final class Summary {
        private static final BigInteger MODULUS = BigInteger.TWO.pow(256);
        private final Map<AggregateKind, Long> counts = new EnumMap<>(AggregateKind.class);
        private final Map<AggregateKind, BigInteger> sums = new EnumMap<>(AggregateKind.class);
        private final MessageDigest sha256 = sha256();

        void add(AggregateKind kind, String canonicalRecord) {
            counts.merge(kind, 1L, Long::sum);
            // A sum of per-record SHA-256 digests (mod 2^256) does not depend on the order records come in.
            // SHA-256, not the domain's BLAKE3: this is a transfer check, and the JDK's SHA-256 is much faster.
            BigInteger digest = new BigInteger(1, sha256.digest(canonicalRecord.getBytes(StandardCharsets.UTF_8)));
            sums.merge(kind, digest, (a, b) -> a.add(b).mod(MODULUS));
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        long count(AggregateKind kind) {
            return counts.getOrDefault(kind, 0L);
        }

        String checksum(AggregateKind kind) {
            return String.format("%064x", sums.getOrDefault(kind, BigInteger.ZERO));
        }

        ObjectNode toJson(ObjectMapper mapper) {
            ObjectNode node = mapper.createObjectNode();
            for (AggregateKind kind : AggregateKind.values()) {
                node.putObject(kind.wireName()).put("count", count(kind)).put("checksum", checksum(kind));
            }
            return node;
        }

        static Summary fromJson(JsonNode node) {
            Summary s = new Summary();
            for (AggregateKind kind : AggregateKind.values()) {
                JsonNode k = node.path(kind.wireName());
                if (!k.isMissingNode()) {
                    s.counts.put(kind, k.path("count").asLong());
                    s.sums.put(kind, new BigInteger(k.path("checksum").asText("0"), 16));
                }
            }
            return s;
        }

        boolean sameAs(Summary other) {
            for (AggregateKind kind : AggregateKind.values()) {
                if (!sameAs(other, kind)) {
                    return false;
                }
            }
            return true;
        }

        boolean sameAs(Summary other, AggregateKind kind) {
            return count(kind) == other.count(kind) && checksum(kind).equals(other.checksum(kind));
        }
    }

    /** The canonical text of a record for checksums: its JSON with the stored version set aside. */
    private String canonical(Object record) {
        try {
            return json.writeValueAsString(AggregateKind.unversioned(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record could not be written: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes every record of the store; returns the summary it also wrote last. */
    Summary export(StoragePorts store, Writer out) throws IOException {
        BufferedWriter w = new BufferedWriter(out, 1 << 16);
        ObjectNode header = json.createObjectNode().put("format", FORMAT).put("version", 1)
                .put("exported_at", Instant.now().toString());
        w.write(json.writeValueAsString(header));
        w.newLine();
        Summary summary = new Summary();
        long total = 0;
        for (AggregateKind kind : AggregateKind.values()) {
            long expected = store.export().count(kind);
            Progress bar = new Progress("export " + kind.wireName(), expected);
            long[] written = {0};
            store.export().forEach(kind, record -> {
                try {
                    // Text, not a tree: a tree would turn the domain's exact numbers into doubles.
                    w.write("{\"kind\":\"" + kind.wireName() + "\",\"record\":" + json.writeValueAsString(record)
                            + "}");
                    w.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                summary.add(kind, canonical(record));
                bar.advance(++written[0]);
            });
            bar.done(written[0]);
            total += written[0];
        }
        ObjectNode trailer = json.createObjectNode();
        trailer.set("summary", summary.toJson(json));
        w.write(json.writeValueAsString(trailer));
        w.newLine();
        w.flush();
        progress.println("export: " + total + " records");
        return summary;
    }

    /** The outcome of an import: what the file said, what the store now holds, and what was done. */
    record ImportReport(Summary file, Summary store, long imported, long alreadyPresent) {
        boolean matches() {
            return file.sameAs(store);
        }
    }

    ImportReport importFile(StoragePorts store, Path file) throws IOException {
        long lines = countLines(file);
        Writers writers = new Writers(new ImportRecords(store, store.export()));
        Summary fromFile = new Summary();
        Summary declared = null;
        Progress bar = new Progress("import", Math.max(0, lines - 2));
        long done = 0;
        AggregateKind current = null;
        List<Object> batch = new ArrayList<>(BATCH);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); writers) {
            String first = in.readLine();
            if (first == null || !FORMAT.equals(json.readTree(first).path("format").asText())) {
                throw new IllegalArgumentException(file + " is not a " + FORMAT + " file (no header line)");
            }
            long lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                if (node.has("summary")) {
                    declared = Summary.fromJson(node.path("summary"));
                    continue;
                }
                AggregateKind kind;
                Object record;
                try {
                    kind = AggregateKind.fromWireName(node.path("kind").asText());
                    record = json.treeToValue(node.path("record"), kind.type());
                } catch (IllegalArgumentException | JsonProcessingException e) {
                    throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
                }
                if (kind != current) {
                    if (!batch.isEmpty()) {
                        writers.submit(current, batch);
                        batch = new ArrayList<>(BATCH);
                    }
                    // A kind may refer to the kinds before it: they must be stored before it starts.
                    writers.awaitAll();
                }
                current = kind;
                batch.add(record);
                fromFile.add(kind, canonical(record));
                if (batch.size() == BATCH) {
                    writers.submit(kind, batch);
                    batch = new ArrayList<>(BATCH);
                }
                bar.advance(++done);
            }
            if (!batch.isEmpty()) {
                writers.submit(current, batch);
            }
            writers.awaitAll();
        }
        bar.done(done);
        if (declared != null && !declared.sameAs(fromFile)) {
            throw new IllegalArgumentException(file + " does not match its own summary line: it was truncated or "
                    + "edited");
        }
        Summary inStore = summarize(store);
        return new ImportReport(fromFile, inStore, writers.imported.sum(), writers.present.sum());
    }

    /**
     * Writes batches on a few threads while the file is being read, so that parsing and the database work at the
     * same time. At most {@link #WRITERS} batches are in flight; a failed batch stops the import.
     */
    private static final class Writers implements AutoCloseable {
        private final ImportRecords importer;
        private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        private final Semaphore inFlight = new Semaphore(WRITERS * 2);
        private final List<Future<?>> pending = new ArrayList<>();
        private final LongAdder imported = new LongAdder();
        private final LongAdder present = new LongAdder();

        Writers(ImportRecords importer) {
            this.importer = importer;
        }

        void submit(AggregateKind kind, List<Object> batch) {
            inFlight.acquireUninterruptibly();
            pending.add(pool.submit(() -> {
                try {
                    ImportRecords.Outcome o = importer.importBatch(kind, batch);
                    imported.add(o.imported());
                    present.add(o.alreadyPresent());
                } finally {
                    inFlight.release();
                }
            }));
        }

        void awaitAll() {
            for (Future<?> f : pending) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("import interrupted", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            pending.clear();
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /** The content summary of a store, as an export of it would write. */
    Summary summarize(StoragePorts store) {
        Summary s = new Summary();
        for (AggregateKind kind : AggregateKind.values()) {
            store.export().forEach(kind, record -> s.add(kind, canonical(record)));
        }
        return s;
    }

    void print(ImportReport report) {
        progress.printf("%-14s %12s %12s  %s%n", "kind", "file", "store", "checksum");
        for (AggregateKind kind : AggregateKind.values()) {
            boolean same = report.file().sameAs(report.store(), kind);
            progress.printf("%-14s %12d %12d  %s%n", kind.wireName(), report.file().count(kind),
                    report.store().count(kind), same ? "match " + report.file().checksum(kind).substring(0, 16)
                            : "DIFFERENT");
        }
        progress.println("import: " + report.imported() + " records written, " + report.alreadyPresent()
                + " already present; " + (report.matches() ? "the store holds exactly the file's content"
                : "the store differs from the file (it held other data before, or the import failed)"));
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    /** A one-line progress bar on the progress stream, redrawn at most ten times a second. */
    private final class Progress {
        private final String label;
        private final long total;
        private final long start = System.nanoTime();
        private long lastDraw;

        Progress(String label, long total) {
            this.label = label;
            this.total = total;
        }

        void advance(long done) {
            long now = System.nanoTime();
            if (now - lastDraw > 100_000_000L) {
                lastDraw = now;
                draw(done, false);
            }
        }

        void done(long done) {
            draw(done, true);
        }

        private void draw(long done, boolean last) {
            double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            int width = 30;
            int filled = total <= 0 ? width : (int) Math.min(width, done * width / total);
            progress.printf("\r%-20s [%s%s] %d/%d %.0f/s%s", label, "#".repeat(filled), ".".repeat(width - filled),
                    done, total, done / seconds, last ? System.lineSeparator() : "");
            progress.flush();
        }
    }
}
