package net.defarm.domain.circuits;

import java.util.List;
import java.util.Set;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;

/** Which storage adapters a user may configure on a circuit, and which they hold for pushing. */
public final class AdapterAccess {

    private AdapterAccess() {
    }

    /** Configuring: none and ipfs for every tier; Stellar testnet from Professional; mainnet from Enterprise. */
    public static boolean mayConfigure(UserTier tier, AdapterType type) {
        if (type.equals(AdapterType.NONE) || type.equals(AdapterType.IPFS_IPFS)) {
            return true;
        }
        if (type.equals(AdapterType.STELLAR_TESTNET_IPFS)) {
            return Set.of(UserTier.PROFESSIONAL, UserTier.ENTERPRISE, UserTier.ADMIN).contains(tier);
        }
        if (type.equals(AdapterType.STELLAR_MAINNET_IPFS)) {
            return Set.of(UserTier.ENTERPRISE, UserTier.ADMIN).contains(tier);
        }
        return false;
    }

    /** The adapters a user holds: an administrator's override, else their tier's defaults. */
    public static List<AdapterType> held(UserAccount user) {
        if (user.availableAdapters() != null) {
            return user.availableAdapters().stream().map(AdapterType::parse).flatMap(java.util.Optional::stream)
                    .toList();
        }
        return switch (user.tier()) {
            case BASIC -> List.of(AdapterType.IPFS_IPFS);
            case PROFESSIONAL -> List.of(AdapterType.IPFS_IPFS, AdapterType.STELLAR_TESTNET_IPFS);
            case ENTERPRISE, ADMIN -> List.of(AdapterType.IPFS_IPFS, AdapterType.STELLAR_TESTNET_IPFS,
                    AdapterType.STELLAR_MAINNET_IPFS);
        };
    }
}
