package net.defarm.adapters.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.defarm.application.contract.ContentStoreContract;
import net.defarm.application.evidence.ContentIntegrityException;
import net.defarm.application.evidence.ContentStore;
import net.defarm.application.shared.StoreUnavailableException;
import net.defarm.domain.evidence.Cid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubo adapter against {@link FakeKuboNode}, a Kubo-compatible RPC endpoint started by the test (no live IPFS
 * node is reachable from the test machines). The node computes CIDs independently of the production code.
 */
class KuboContentStoreTest extends ContentStoreContract {

    private FakeKuboNode node;

    @Override
    protected ContentStore newContentStore() {
        try {
            node = new FakeKuboNode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new KuboContentStore(node.url(), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void theNodesCidIsTheOneComputedHere() {
        byte[] data = "{\"peso\":450}".getBytes(StandardCharsets.UTF_8);
        assertEquals(FakeKuboNode.cid(data), contents.put(data).value());
        assertEquals(1, node.calls("add"));
    }

    @Test
    void bytesTheNodeChangedAreReportedNotReturned() {
        Cid cid = contents.put("peso 450".getBytes(StandardCharsets.UTF_8));
        node.lie = true;
        assertThrows(ContentIntegrityException.class, () -> contents.get(cid));
    }

    @Test
    void aFailingNodeIsUnavailableNeverAbsent() {
        Cid cid = contents.put("peso 451".getBytes(StandardCharsets.UTF_8));
        node.failing = true;
        // Only the node's own "not pinned" means absent: a failure must be retried, not taken as a missing document.
        assertThrows(StoreUnavailableException.class, () -> contents.has(cid));
        assertThrows(StoreUnavailableException.class, () -> contents.get(cid));
        assertThrows(StoreUnavailableException.class, () -> contents.put(new byte[] {2}));
        node.failing = false;
        assertTrue(contents.get(cid).isPresent());
        assertTrue(contents.get(Cid.of(new byte[] {3})).isEmpty());
    }

    @Test
    void anUnreachableNodeIsUnavailable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ContentStore down = new KuboContentStore(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        assertThrows(StoreUnavailableException.class, () -> down.put(new byte[] {1}));
        assertThrows(StoreUnavailableException.class, () -> down.has(Cid.of(new byte[] {1})));
    }
}
