package net.defarm.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.items.ItemShareRepository;
import net.defarm.domain.items.ItemShare;
import net.defarm.domain.shared.ConflictException;

/** Item shares held in memory, indexed by id and by (item, recipient). */
public final class InMemoryItemShareRepository implements ItemShareRepository {

    private record Pair(String dfid, String recipientId) {
    }

    private static final Comparator<ItemShare> ORDER = Comparator.comparing(ItemShare::sharedAt)
            .thenComparing(ItemShare::shareId);

    private final Map<String, ItemShare> shares = new ConcurrentHashMap<>();
    private final Map<Pair, String> byPair = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryItemShareRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(ItemShare share) {
        Pair pair = new Pair(share.dfid(), share.recipientId());
        if (byPair.putIfAbsent(pair, share.shareId()) != null) {
            throw new ConflictException("ALREADY_SHARED", "The item is already shared with this user");
        }
        if (shares.putIfAbsent(share.shareId(), share) != null) {
            byPair.remove(pair, share.shareId());
            throw new ConflictException("ALREADY_SHARED", "A share with this id already exists");
        }
        uow.onRollback(() -> {
            shares.remove(share.shareId(), share);
            byPair.remove(pair, share.shareId());
        });
    }

    @Override
    public Optional<ItemShare> findById(String shareId) {
        return Optional.ofNullable(shares.get(shareId));
    }

    @Override
    public Optional<ItemShare> find(String dfid, String recipientId) {
        return Optional.ofNullable(byPair.get(new Pair(dfid, recipientId))).map(shares::get);
    }

    @Override
    public List<ItemShare> findForRecipient(String recipientId, Instant afterAt, String afterId, int limit) {
        return shares.values().stream()
                .filter(s -> s.recipientId().equals(recipientId))
                .filter(s -> afterAt == null || afterId == null || s.sharedAt().isAfter(afterAt)
                        || s.sharedAt().equals(afterAt) && s.shareId().compareTo(afterId) > 0)
                .sorted(ORDER).limit(limit).toList();
    }

    @Override
    public boolean delete(String shareId) {
        ItemShare removed = shares.remove(shareId);
        if (removed == null) {
            return false;
        }
        Pair pair = new Pair(removed.dfid(), removed.recipientId());
        byPair.remove(pair, shareId);
        uow.onRollback(() -> {
            shares.put(shareId, removed);
            byPair.put(pair, shareId);
        });
        return true;
    }
}
