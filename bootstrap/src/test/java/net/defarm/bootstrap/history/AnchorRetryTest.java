package net.defarm.bootstrap.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.defarm.adapters.memory.InMemoryStorage;
import net.defarm.application.delivery.DeliveryPolicy;
import net.defarm.application.delivery.DeliveryPorts;
import net.defarm.application.delivery.DispatchOutbox;
import net.defarm.application.evidence.AnchorTargets;
import net.defarm.application.evidence.ContentStore;
import net.defarm.application.history.AnchorRequest;
import net.defarm.application.history.StoreItemState;
import net.defarm.application.shared.StoreUnavailableException;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.wiring.UseCases;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.delivery.OutboxStatus;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * An upload whose content store fails is retried with the outbox's backoff, never recorded half, and recorded once
 * when the store answers again; handling the same message again afterwards changes nothing.
 */
class AnchorRetryTest {

    /** A content store that refuses the first {@code failures} puts, as an unreachable node would. */
    private static final class FlakyContentStore implements ContentStore {
        private final ContentStore inner;
        private final AtomicInteger failures;
        private final AtomicInteger puts = new AtomicInteger();

        FlakyContentStore(ContentStore inner, int failures) {
            this.inner = inner;
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public Cid put(byte[] bytes) {
            puts.incrementAndGet();
            if (failures.getAndDecrement() > 0) {
                throw new StoreUnavailableException("the content store is unreachable", null);
            }
            return inner.put(bytes);
        }

        @Override
        public Optional<byte[]> get(Cid cid) {
            return inner.get(cid);
        }

        @Override
        public boolean has(Cid cid) {
            return inner.has(cid);
        }

        @Override
        public boolean pin(Cid cid) {
            return inner.pin(cid);
        }

        @Override
        public String kind() {
            return "flaky";
        }
    }

    @Test
    void aFailingUploadIsRetriedAndRecordedExactlyOnce() {
        StoragePorts base = InMemoryStorage.create();
        FlakyContentStore flaky = new FlakyContentStore(base.contents(), 2);
        StoragePorts store = StoragePorts.builder(base).contents(flaky).build();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-01T00:00:00Z"));
        String owner = "user-" + UUID.randomUUID();
        String dfid = "DFID-20250601-000001-TEST";
        store.unitOfWork().inTransaction(() -> store.items().insert(Item.create(dfid,
                List.of(Identifier.contextual("generic", "lote", "L-1")), JsonObject.EMPTY, UUID.randomUUID(), owner,
                now.get())));
        OutboxMessage message = OutboxMessage.create(UUID.randomUUID(), OutboxMessage.ANCHOR, null, dfid,
                StorageRecord.CIRCUIT_PUSH, new AnchorRequest(dfid, UUID.randomUUID(),
                        AdapterType.STELLAR_TESTNET_IPFS, StorageRecord.CIRCUIT_PUSH, owner, null).encode(), now.get());
        store.unitOfWork().inTransaction(() -> store.outbox().enqueue(message));

        StoreItemState handler = UseCases.storeItemState(store, now::get);
        DeliveryPolicy policy = new DeliveryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.0,
                Duration.ofSeconds(60), 10);
        DispatchOutbox dispatch = new DispatchOutbox(store.outbox(), store.postActions(),
                new DeliveryPorts(null, null, null, null, null), policy, now::get,
                Map.of(OutboxMessage.ANCHOR, handler));

        assertEquals(1, dispatch.runOnce().retried());
        assertEquals(OutboxStatus.RETRYING, store.outbox().findById(message.id()).orElseThrow().status());
        assertTrue(store.storageHistory().latest(dfid).isEmpty(), "nothing is recorded for a failed upload");
        assertTrue(store.ledger().head(AnchorTargets.STELLAR_TESTNET).isEmpty(), "nor anchored");
        assertEquals(0, dispatch.runOnce().claimed(), "not due before its backoff");
        now.set(now.get().plusSeconds(1));
        assertEquals(1, dispatch.runOnce().retried());
        now.set(now.get().plusSeconds(2));
        assertEquals(1, dispatch.runOnce().delivered());

        OutboxMessage settled = store.outbox().findById(message.id()).orElseThrow();
        assertEquals(OutboxStatus.DELIVERED, settled.status());
        assertEquals(3, settled.attempts());
        StorageRecord record = store.storageHistory().findByMessage(message.id()).orElseThrow();
        assertEquals(1, record.timelineSequence());
        assertEquals(store.ledger().head(AnchorTargets.STELLAR_TESTNET).orElseThrow().entryHash(),
                record.transactionHash());

        // A re-delivery of the same message (a lease lost after the commit) records and anchors nothing more.
        assertTrue(handler.handle(settled).done());
        assertEquals(1, store.storageHistory().history(dfid, 0, 10).size());
        assertEquals(1, store.ledger().head(AnchorTargets.STELLAR_TESTNET).orElseThrow().sequence());
        assertEquals(3, flaky.puts.get());
        assertTrue(store.ledger().verify(AnchorTargets.STELLAR_TESTNET).intact());
    }
}
