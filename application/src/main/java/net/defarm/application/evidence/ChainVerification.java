package net.defarm.application.evidence;

import java.util.List;
import java.util.Optional;
import net.defarm.domain.evidence.LedgerEntry;

/**
 * The outcome of walking a ledger chain: how many entries were checked, and the first broken one (its sequence and
 * what is wrong with it) if any. An empty chain is intact.
 */
public record ChainVerification(String network, long entriesChecked, Optional<Break> firstBreak) {

    /** The first entry that does not hold: its position in the walk and the reason. */
    public record Break(long sequence, String reason) {
    }

    static final int PAGE = 500;

    /** Reads pages of entries. */
    @FunctionalInterface
    interface Pages {
        List<LedgerEntry> after(String network, long afterSequence, int limit);
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    static ChainVerification walk(String network, Pages pages) {
        long expectedSequence = 1;
        String expectedPrevious = LedgerEntry.GENESIS;
        long checked = 0;
        while (true) {
            List<LedgerEntry> page = pages.after(network, expectedSequence - 1, PAGE);
            for (LedgerEntry e : page) {
                String problem = problem(e, network, expectedSequence, expectedPrevious);
                if (problem != null) {
                    return new ChainVerification(network, checked, Optional.of(new Break(expectedSequence, problem)));
                }
                checked++;
                expectedSequence++;
                expectedPrevious = e.entryHash();
            }
            if (page.size() < PAGE) {
                return new ChainVerification(network, checked, Optional.empty());
            }
        }
    }

    private static String problem(LedgerEntry e, String network, long sequence, String previous) {
        if (!e.network().equals(network) || e.sequence() != sequence) {
            return "expected entry " + sequence + " of " + network + ", found " + e.sequence() + " of "
                    + e.network() + " (an entry is missing)";
        }
        if (!e.previousHash().equals(previous)) {
            return "previous_hash does not link to entry " + (sequence - 1);
        }
        if (!e.recomputedHash().equals(e.entryHash())) {
            return "entry_hash does not match the entry's content (the entry was altered)";
        }
        return null;
    }
}
