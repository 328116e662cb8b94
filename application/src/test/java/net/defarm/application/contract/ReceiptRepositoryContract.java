package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import net.defarm.application.evidence.IdentifierMatch;
import net.defarm.application.evidence.ReceiptRepository;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.evidence.Receipt;
import net.defarm.domain.items.Identifier;
import org.junit.jupiter.api.Test;

/** Receipts on every store: read back as stored, listed per owner in order, found by identifier fields. */
public abstract class ReceiptRepositoryContract extends StoreContract {

    private Receipt insert(String owner, String at, Cid cid, Identifier... ids) {
        Receipt r = Receipt.issue(UUID.randomUUID(), owner, ("data " + at).getBytes(StandardCharsets.UTF_8),
                List.of(ids), micros(at), cid);
        store.unitOfWork().inTransaction(() -> store.receipts().insert(r));
        return r;
    }

    private List<UUID> ids(List<Receipt> receipts) {
        return receipts.stream().map(Receipt::id).toList();
    }

    @Test
    void aReceiptReadsBackAsStored() {
        String owner = newOwner();
        Receipt kept = insert(owner, "2025-06-01T00:00:00.000001Z", Cid.of(new byte[0]),
                Identifier.canonical("bovino", "sisbov", "BR123456789012"),
                Identifier.contextual("generic", "lote", "L-1", "user"));
        Receipt plain = insert(owner, "2025-06-01T00:00:00.000002Z", null, Identifier.contextual("generic", "k", "v"));
        assertEquals(kept, store.receipts().findById(kept.id()).orElseThrow());
        assertEquals(plain, store.receipts().findById(plain.id()).orElseThrow());
        assertTrue(store.receipts().findById(UUID.randomUUID()).isEmpty());
    }

    @Test
    void listsArePerOwnerInCreationOrderAndPageAfterAKey() {
        String owner = newOwner();
        String other = newOwner();
        Identifier lot = Identifier.contextual("generic", "lote", "L-1");
        Receipt second = insert(owner, "2025-06-02T00:00:00.5Z", null, lot);
        Receipt first = insert(owner, "2025-06-01T00:00:00.5Z", null, lot);
        Receipt third = insert(owner, "2025-06-03T00:00:00.5Z", null, lot);
        insert(other, "2025-06-01T00:00:00.5Z", null, lot);
        assertEquals(List.of(first.id(), second.id(), third.id()),
                ids(store.receipts().find(owner, IdentifierMatch.ANY, null, 10)));
        assertEquals(List.of(first.id(), second.id()), ids(store.receipts().find(owner, IdentifierMatch.ANY, null, 2)));
        assertEquals(List.of(third.id()), ids(store.receipts().find(owner, IdentifierMatch.ANY,
                new ReceiptRepository.ReceiptKey(second.timestamp(), second.id()), 10)));
    }

    @Test
    void searchesMatchEveryGivenFieldOnOneIdentifier() {
        String owner = newOwner();
        Receipt lot = insert(owner, "2025-06-01T00:00:00.1Z", null, Identifier.contextual("generic", "lote", "L-1"),
                Identifier.contextual("generic", "brinco", "4521"));
        Receipt tag = insert(owner, "2025-06-01T00:00:00.2Z", null, Identifier.contextual("bovino", "brinco", "L-1"));
        assertEquals(List.of(lot.id()), ids(store.receipts().find(owner, new IdentifierMatch(null, "lote", null), null,
                10)));
        assertEquals(List.of(lot.id(), tag.id()), ids(store.receipts().find(owner,
                new IdentifierMatch(null, null, "L-1"), null, 10)));
        assertEquals(List.of(tag.id()), ids(store.receipts().find(owner,
                new IdentifierMatch("bovino", "brinco", "L-1"), null, 10)));
        // Key of one identifier and value of another do not make a match.
        assertEquals(List.of(), ids(store.receipts().find(owner, new IdentifierMatch("generic", "brinco", "L-1"),
                null, 10)));
        assertEquals(List.of(), ids(store.receipts().find(owner, new IdentifierMatch(null, "LOTE", null), null, 10)));
    }

    @Test
    void aRolledBackInsertLeavesNothing() {
        String owner = newOwner();
        Receipt r = Receipt.issue(UUID.randomUUID(), owner, new byte[] {1}, List.of(Identifier.contextual("generic",
                "k", "v")), micros("2025-06-01T00:00:00.5Z"), null);
        assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
            store.receipts().insert(r);
            throw new IllegalStateException("fails after inserting");
        }));
        assertTrue(store.receipts().findById(r.id()).isEmpty());
        assertEquals(List.of(), store.receipts().find(owner, IdentifierMatch.ANY, null, 10));
    }
}
