package net.defarm.adapters.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import net.defarm.application.credits.CreditLedger;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.credits.InsufficientCreditsException;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.NotFoundException;

/**
 * Credit ledgers in memory. An append takes its account's lock (one of 1024 stripes) and keeps it until the unit of
 * work ends, as PostgreSQL's row lock does: the next append on that account sees this one's balance or its undo,
 * never a value that is later rolled back. Lines are kept per account by sequence.
 */
public final class InMemoryCreditLedger implements CreditLedger {

    private static final int STRIPES = 1024;

    private final Map<String, NavigableMap<Long, CreditTransaction>> lines = new ConcurrentHashMap<>();
    private final Map<UUID, CreditTransaction> byId = new ConcurrentHashMap<>();
    private final Lock[] locks = new Lock[STRIPES];
    private final InMemoryUserAccountRepository users;
    private final InMemoryUnitOfWork uow;

    public InMemoryCreditLedger(InMemoryUserAccountRepository users, InMemoryUnitOfWork uow) {
        this.users = users;
        this.uow = uow;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public CreditTransaction append(Entry e) {
        return uow.inTransaction(() -> {
            uow.hold(locks[Math.floorMod(e.userId().hashCode(), STRIPES)]);
            UserAccount account = users.findById(e.userId())
                    .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
            if (!e.mayOverdraw() && e.amount() < 0 && account.credits() + e.amount() < 0) {
                throw new InsufficientCreditsException(-e.amount(), account.credits());
            }
            long balance = users.addCredits(e.userId(), e.amount()).credits();
            NavigableMap<Long, CreditTransaction> ledger = lines.computeIfAbsent(e.userId(),
                    id -> new ConcurrentSkipListMap<>());
            long sequence = ledger.isEmpty() ? 1 : ledger.lastKey() + 1;
            CreditTransaction line = new CreditTransaction(e.transactionId(), e.userId(), sequence, e.type(),
                    e.amount(), e.description(), e.at(), balance);
            ledger.put(sequence, line);
            byId.put(line.transactionId(), line);
            uow.onRollback(() -> {
                ledger.remove(sequence, line);
                byId.remove(line.transactionId(), line);
            });
            return line;
        });
    }

    @Override
    public Optional<CreditTransaction> find(UUID transactionId) {
        return Optional.ofNullable(byId.get(transactionId));
    }

    @Override
    public List<CreditTransaction> history(String userId, Long beforeSequence, int limit) {
        NavigableMap<Long, CreditTransaction> ledger = lines.get(userId);
        if (ledger == null) {
            return List.of();
        }
        NavigableMap<Long, CreditTransaction> older = beforeSequence == null ? ledger.descendingMap()
                : ledger.headMap(beforeSequence, false).descendingMap();
        List<CreditTransaction> page = new ArrayList<>();
        for (CreditTransaction line : older.values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(line);
        }
        return page;
    }

    @Override
    public Totals totals() {
        long issued = 0;
        long consumed = 0;
        for (NavigableMap<Long, CreditTransaction> ledger : lines.values()) {
            for (CreditTransaction line : ledger.values()) {
                if (line.amount() > 0) {
                    issued = Math.addExact(issued, line.amount());
                } else {
                    consumed = Math.subtractExact(consumed, line.amount());
                }
            }
        }
        return new Totals(issued, consumed);
    }
}
