package net.defarm.domain.backends;

import java.util.List;
import java.util.Optional;
import net.defarm.domain.circuits.AdapterType;

/**
 * What each storage adapter is: where it keeps item data and events, whether it needs a ledger, and the
 * templates that help choose one. Static facts, the same for every deployment.
 */
public final class AdapterCatalog {

    /** One adapter: its storage backends by name ({@code IPFS}, {@code StellarTestnet}, ...). */
    public record Entry(AdapterType type, String description, String itemStorage, String eventStorage,
                        boolean requiresBlockchain) {
    }

    /** A template row: the trade-offs of an adapter combination, including ones not offered to users. */
    public record Template(String name, String description, String cost, String scalability,
                           String decentralization, String useCase) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(AdapterType.IPFS_IPFS, "IPFS for both items and events", "IPFS", "IPFS", false),
            new Entry(AdapterType.STELLAR_TESTNET_IPFS, "Stellar testnet NFTs for items, IPFS for events",
                    "StellarTestnet", "IPFS", true),
            new Entry(AdapterType.STELLAR_MAINNET_IPFS, "Stellar mainnet NFTs for items, IPFS for events",
                    "StellarMainnet", "IPFS", true),
            new Entry(AdapterType.ETHEREUM_GOERLI_IPFS, "Ethereum Goerli for items, IPFS for events",
                    "EthereumGoerli", "IPFS", true),
            new Entry(AdapterType.POLYGON_ARWEAVE, "Polygon for items, Arweave for events", "Polygon", "Arweave",
                    true));

    private static final List<Template> TEMPLATES = List.of(
            new Template("local-local", "Local storage for items and events", "Free", "Limited", "None",
                    "Development and testing"),
            new Template("ipfs-ipfs", "IPFS for both items and events", "Low", "High", "High",
                    "Decentralized storage without a ledger"),
            new Template("stellar_testnet-ipfs", "Stellar testnet NFTs for items, IPFS for events", "Free (testnet)",
                    "High", "High", "Trying ledger anchoring before production"),
            new Template("stellar_mainnet-ipfs", "Stellar mainnet NFTs for items, IPFS for events",
                    "Network fees", "High", "High", "Production traceability anchored on a public ledger"),
            new Template("local-ipfs", "Local storage for items, IPFS for events", "Low", "Medium", "Partial",
                    "Private item data with shareable events"),
            new Template("stellar_mainnet-stellar_mainnet", "Stellar mainnet for items and events",
                    "Highest (fees per write)", "Medium", "Highest", "Every change anchored on a public ledger"));

    private AdapterCatalog() {
    }

    public static Optional<Entry> entry(AdapterType type) {
        return ENTRIES.stream().filter(e -> e.type().equals(type)).findFirst();
    }

    public static List<Template> templates() {
        return TEMPLATES;
    }
}
