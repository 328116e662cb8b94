package net.defarm.adapters.content;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.defarm.application.contract.ContentStoreContract;
import net.defarm.application.evidence.ContentIntegrityException;
import net.defarm.application.evidence.ContentStore;
import net.defarm.domain.evidence.Cid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskContentStoreTest extends ContentStoreContract {

    @TempDir
    Path dir;

    @Override
    protected ContentStore newContentStore() {
        return new DiskContentStore(dir.resolve("blobs"));
    }

    @Test
    void aFileEditedOnDiskIsReportedNotReturned() throws IOException {
        DiskContentStore disk = new DiskContentStore(dir.resolve("edited"));
        Cid cid = disk.put("peso 450".getBytes(StandardCharsets.UTF_8));
        Files.writeString(disk.pathOf(cid), "peso 540");
        assertThrows(ContentIntegrityException.class, () -> disk.get(cid));
    }
}
