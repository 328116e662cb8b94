package net.defarm.domain.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A place an item's state is kept: {@code IPFS} (a CID in the content store) or {@code Stellar} (an entry of a
 * ledger network; its transaction id is the entry hash). The names follow the API's tagged union.
 */
public record StorageLocation(String kind, String cid, boolean pinned, String transactionId, String network,
                              Long ledgerSequence) {

    public static final String IPFS = "IPFS";
    public static final String STELLAR = "Stellar";

    public static StorageLocation ipfs(String cid, boolean pinned) {
        return new StorageLocation(IPFS, cid, pinned, null, null, null);
    }

    public static StorageLocation stellar(String transactionId, String network, Long ledgerSequence) {
        return new StorageLocation(STELLAR, null, false, transactionId, network, ledgerSequence);
    }

    /** The record's main location: its ledger entry when anchored, its content otherwise. */
    public static StorageLocation main(StorageRecord r) {
        return r.anchored() ? stellar(r.transactionHash(), r.network(), r.ledgerSequence())
                : ipfs(r.cid().value(), r.pinned());
    }

    /** Every location the record names: its content, and its ledger entry when anchored. */
    public static List<StorageLocation> all(StorageRecord r) {
        List<StorageLocation> out = new ArrayList<>();
        out.add(ipfs(r.cid().value(), r.pinned()));
        if (r.anchored()) {
            out.add(main(r));
        }
        return out;
    }

    /** Whether {@code r} names this location (a CID, or a transaction id). */
    public boolean namedBy(StorageRecord r) {
        return IPFS.equals(kind) ? r.cid().value().equals(cid) : r.anchored() && r.transactionHash().equals(transactionId);
    }
}
