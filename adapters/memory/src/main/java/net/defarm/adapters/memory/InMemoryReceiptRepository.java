package net.defarm.adapters.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import net.defarm.application.evidence.IdentifierMatch;
import net.defarm.application.evidence.ReceiptRepository;
import net.defarm.domain.evidence.Receipt;

/** Receipts in memory, indexed per owner in (timestamp, id) order. */
public final class InMemoryReceiptRepository implements ReceiptRepository {

    private static final Comparator<ReceiptKey> ORDER = Comparator.comparing(ReceiptKey::timestamp)
            .thenComparing(ReceiptKey::id);

    private final Map<UUID, Receipt> receipts = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<ReceiptKey>> byOwner = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryReceiptRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    private static ReceiptKey key(Receipt r) {
        return new ReceiptKey(r.timestamp(), r.id());
    }

    @Override
    public void insert(Receipt receipt) {
        if (receipts.putIfAbsent(receipt.id(), receipt) != null) {
            throw new IllegalStateException("a receipt with this id already exists");
        }
        NavigableSet<ReceiptKey> owned = byOwner.computeIfAbsent(receipt.ownerId(),
                o -> new ConcurrentSkipListSet<>(ORDER));
        owned.add(key(receipt));
        uow.onRollback(() -> {
            owned.remove(key(receipt));
            receipts.remove(receipt.id());
        });
    }

    @Override
    public Optional<Receipt> findById(UUID id) {
        return Optional.ofNullable(receipts.get(id));
    }

    @Override
    public List<Receipt> find(String ownerId, IdentifierMatch match, ReceiptKey after, int limit) {
        return KeysetPage.of(byOwner.get(ownerId), after, k -> receipts.get(k.id()),
                r -> r.identifiers().stream().anyMatch(match::matches), limit);
    }
}
