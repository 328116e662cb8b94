package net.defarm.adapters.http.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the served contract (the same text {@code GET /openapi} answers in YAML) to a file, without starting the
 * service: the build generates the Java client from it (module {@code clients/java}), and a test of that module
 * checks that the file equals what a running service serves.
 */
public final class ContractExport {

    private ContractExport() {
    }

    /** {@code ContractExport <file.yaml>}: writes the assembled document as YAML, creating parent folders. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ContractExport <file.yaml>");
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, ApiContract.yaml(ApiContract.load()), StandardCharsets.UTF_8);
    }
}
