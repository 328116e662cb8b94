package net.defarm.application.evidence;

import java.util.Optional;
import net.defarm.domain.circuits.AdapterType;

/**
 * Where each adapter type of a circuit puts its evidence, in this deployment. The reference's adapter names are
 * kept; what stands behind them is configured: the content half always goes to the configured {@link ContentStore}
 * (a real Kubo node with {@code CONTENT_STORE=ipfs}, a local store otherwise), and the chain half of the Stellar
 * types is the local hash-chained {@link AnchorLedger}, one chain per network. No Stellar network is contacted.
 */
public final class AnchorTargets {

    /** Ledger network of {@code stellar_testnet-ipfs} (a local stand-in). */
    public static final String STELLAR_TESTNET = "stellar-testnet";
    /** Ledger network of {@code stellar_mainnet-ipfs} (a local stand-in). */
    public static final String STELLAR_MAINNET = "stellar-mainnet";
    /** Ledger network for anchors that name no blockchain. */
    public static final String LOCAL = "local";

    /** What an adapter type uses: the content store, and the ledger network when it anchors on a chain. */
    public record Target(AdapterType type, boolean storesContent, Optional<String> ledgerNetwork) {
    }

    private AnchorTargets() {
    }

    /**
     * The target of {@code type}; empty for the types this service cannot serve (Ethereum, Polygon/Arweave, custom
     * adapters), which a push must refuse rather than pretend to anchor.
     */
    public static Optional<Target> of(AdapterType type) {
        if (type.equals(AdapterType.NONE)) {
            return Optional.of(new Target(type, false, Optional.empty()));
        }
        if (type.equals(AdapterType.IPFS_IPFS)) {
            return Optional.of(new Target(type, true, Optional.empty()));
        }
        if (type.equals(AdapterType.STELLAR_TESTNET_IPFS)) {
            return Optional.of(new Target(type, true, Optional.of(STELLAR_TESTNET)));
        }
        if (type.equals(AdapterType.STELLAR_MAINNET_IPFS)) {
            return Optional.of(new Target(type, true, Optional.of(STELLAR_MAINNET)));
        }
        return Optional.empty();
    }
}
