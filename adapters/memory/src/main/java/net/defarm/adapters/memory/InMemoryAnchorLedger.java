package net.defarm.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import net.defarm.application.evidence.AnchorLedger;
import net.defarm.domain.evidence.LedgerEntry;
import net.defarm.domain.evidence.LedgerHead;

/**
 * The anchoring log in memory: one list per network, appended under one lock held until the unit of work ends
 * (so two appends never take the same head), and the appended entry removed again if the unit of work fails.
 */
public final class InMemoryAnchorLedger implements AnchorLedger {

    private final Map<String, List<LedgerEntry>> chains = new ConcurrentHashMap<>();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final InMemoryUnitOfWork uow;

    public InMemoryAnchorLedger(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public LedgerEntry append(Anchor anchor, Instant at) {
        return uow.inTransaction(() -> {
            uow.hold(appendLock);
            List<LedgerEntry> chain = chains.computeIfAbsent(anchor.network(), n -> new ArrayList<>());
            LedgerEntry entry = LedgerEntry.next(chain.isEmpty() ? null : chain.getLast().head(), anchor.network(),
                    anchor.cid(), anchor.dfid(), anchor.circuitId(), at);
            chain.add(entry);
            uow.onRollback(() -> chain.remove(entry));
            return entry;
        });
    }

    @Override
    public Optional<LedgerHead> head(String network) {
        return read(network, chain -> chain.isEmpty() ? Optional.empty() : Optional.of(chain.getLast().head()));
    }

    @Override
    public Optional<LedgerEntry> find(String network, long sequence) {
        return read(network, chain -> sequence < 1 || sequence > chain.size() ? Optional.empty()
                : Optional.of(chain.get((int) (sequence - 1))));
    }

    @Override
    public List<LedgerEntry> entries(String network, long afterSequence, int limit) {
        return read(network, chain -> {
            int from = (int) Math.max(0, Math.min(afterSequence, chain.size()));
            return List.copyOf(chain.subList(from, Math.min(chain.size(), from + limit)));
        });
    }

    /** Reads a chain under the append lock, so no reader sees a list being appended to. */
    private <T> T read(String network, java.util.function.Function<List<LedgerEntry>, T> reader) {
        appendLock.lock();
        try {
            return reader.apply(chains.getOrDefault(network, List.of()));
        } finally {
            appendLock.unlock();
        }
    }
}
