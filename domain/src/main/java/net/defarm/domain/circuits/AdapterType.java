package net.defarm.domain.circuits;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a circuit anchors item data (IPFS, Stellar, ...). The wire form is the reference's string
 * ({@code ipfs-ipfs}, {@code stellar_testnet-ipfs}, {@code custom-<name>}); the variant name is used in messages.
 */
public record AdapterType(String wireName, String variantName) {

    public static final AdapterType NONE = new AdapterType("none", "None");
    public static final AdapterType IPFS_IPFS = new AdapterType("ipfs-ipfs", "IpfsIpfs");
    public static final AdapterType STELLAR_TESTNET_IPFS = new AdapterType("stellar_testnet-ipfs", "StellarTestnetIpfs");
    public static final AdapterType STELLAR_MAINNET_IPFS = new AdapterType("stellar_mainnet-ipfs", "StellarMainnetIpfs");
    public static final AdapterType ETHEREUM_GOERLI_IPFS = new AdapterType("ethereum_goerli-ipfs", "EthereumGoerliIpfs");
    public static final AdapterType POLYGON_ARWEAVE = new AdapterType("polygon-arweave", "PolygonArweave");

    private static final List<AdapterType> KNOWN = List.of(NONE, IPFS_IPFS, STELLAR_TESTNET_IPFS, STELLAR_MAINNET_IPFS,
            ETHEREUM_GOERLI_IPFS, POLYGON_ARWEAVE);

    /** Accepts the string form, the variant name, or {@code custom-<name>}. */
    public static Optional<AdapterType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (AdapterType t : KNOWN) {
            if (t.wireName.equals(v) || t.variantName.equals(v)) {
                return Optional.of(t);
            }
        }
        if (v.toLowerCase(Locale.ROOT).startsWith("custom-") && v.length() > "custom-".length()) {
            String name = v.substring("custom-".length());
            return Optional.of(new AdapterType("custom-" + name, "Custom(\"" + name + "\")"));
        }
        return Optional.empty();
    }
}
