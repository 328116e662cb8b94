package net.defarm.application.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.evidence.LedgerEntry;
import net.defarm.domain.evidence.LedgerHead;

/**
 * An append-only, hash-chained log of anchored CIDs, one chain per network ({@link AnchorTargets} names them). It is
 * the local stand-in for a blockchain: each entry commits to the one before it ({@link LedgerEntry}), its entry hash
 * plays the transaction hash, and {@link #verify} finds the first entry that was altered, removed or reordered.
 *
 * <p>Appends never fork a chain, also from several instances on one database: an append takes the network's head
 * under a lock (PostgreSQL: a transaction-scoped advisory lock, and the primary key (network, sequence) as a last
 * guard). An append joins the caller's unit of work when there is one, so an anchor rolls back with its change.
 */
@OutboundPort
public interface AnchorLedger {

    /** What to anchor: the CID, and optionally the item and circuit it belongs to. */
    record Anchor(String network, Cid cid, String dfid, String circuitId) {
    }

    /** Appends {@code anchor} after the network's head, recorded at {@code at}; returns the stored entry. */
    LedgerEntry append(Anchor anchor, Instant at);

    /** The network's latest entry, empty when nothing was anchored on it yet. */
    Optional<LedgerHead> head(String network);

    /** The entry with this sequence, or empty. */
    Optional<LedgerEntry> find(String network, long sequence);

    /** Up to {@code limit} entries with a sequence above {@code afterSequence}, in sequence order. */
    List<LedgerEntry> entries(String network, long afterSequence, int limit);

    /** Walks the network's chain from its first entry, in pages, and reports the first broken link. */
    default ChainVerification verify(String network) {
        return ChainVerification.walk(network, this::entries);
    }
}
