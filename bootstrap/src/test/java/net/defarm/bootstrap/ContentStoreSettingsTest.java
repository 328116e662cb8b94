package net.defarm.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.defarm.adapters.memory.InMemoryStorage;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.evidence.Cid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTENT_STORE and its companions: defaults, overrides, refusals, and which store the service is given. */
class ContentStoreSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAndOverrides() {
        assertEquals(ContentStoreSettings.DEFAULTS, ServiceSettings.load(Map.of()).contentStore());
        ContentStoreSettings s = ServiceSettings.load(Map.of("CONTENT_STORE", "IPFS", "IPFS_API_URL",
                "http://ipfs.internal:5001", "IPFS_CONNECT_TIMEOUT_MS", "100", "IPFS_REQUEST_TIMEOUT_MS", "900",
                "CONTENT_STORE_DIR", "/var/blobs")).contentStore();
        assertEquals(new ContentStoreSettings(ContentStoreSettings.Kind.IPFS, Path.of("/var/blobs"),
                URI.create("http://ipfs.internal:5001"), Duration.ofMillis(100), Duration.ofMillis(900)), s);
    }

    @Test
    void badValuesStopTheStart() {
        for (Map<String, String> env : new Map[] {Map.of("CONTENT_STORE", "s3"),
                Map.of("IPFS_API_URL", "ftp://node:5001"), Map.of("IPFS_API_URL", "not a url"),
                Map.of("IPFS_API_URL", "https://admin:s3cret@ipfs.example:5001"),
                Map.of("IPFS_REQUEST_TIMEOUT_MS", "0")}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServiceSettings.load(env));
            assertTrue(e.getMessage().contains(env.keySet().iterator().next()), e.getMessage());
        }
    }

    @Test
    void localKeepsTheStoresOwnAndDiskReplacesIt() {
        StoragePorts memory = InMemoryStorage.create();
        assertSame(memory, ContentStoreSettings.DEFAULTS.apply(memory));
        ContentStoreSettings disk = new ContentStoreSettings(ContentStoreSettings.Kind.DISK, dir.resolve("blobs"),
                ContentStoreSettings.DEFAULTS.ipfsApiUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));
        StoragePorts withDisk = disk.apply(memory);
        assertEquals("disk", withDisk.contents().kind());
        Cid cid = withDisk.contents().put(new byte[] {7});
        assertArrayEquals(new byte[] {7}, withDisk.contents().get(cid).orElseThrow());
        assertTrue(Files.isDirectory(dir.resolve("blobs")));
        assertSame(memory.receipts(), withDisk.receipts());
    }
}
