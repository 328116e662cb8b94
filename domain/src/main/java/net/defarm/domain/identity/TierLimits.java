package net.defarm.domain.identity;

import java.util.List;

/**
 * The quotas a tier advertises (null = unlimited). Informational: the service reports them with an account and
 * enforces none of them, as the service it replaces did.
 */
public record TierLimits(Long maxItemsPerMonth, Long maxCircuits, Long maxStorageLocations,
                         Long maxApiRequestsPerHour, Long maxWorkspaceMembers, List<String> availableAdapters,
                         boolean canUsePremiumAdapters, int maxAuditRetentionDays, boolean prioritySupport) {

    public TierLimits {
        availableAdapters = List.copyOf(availableAdapters);
    }

    public static TierLimits of(UserTier tier) {
        return switch (tier) {
            case BASIC -> new TierLimits(1000L, 5L, 1L, 100L, 3L, List.of("ipfs-ipfs"), false, 30, false);
            case PROFESSIONAL -> new TierLimits(10_000L, 25L, 3L, 1000L, 10L,
                    List.of("ipfs-ipfs", "stellar_testnet-ipfs"), false, 90, true);
            case ENTERPRISE -> new TierLimits(null, null, null, 10_000L, null,
                    List.of("ipfs-ipfs", "stellar_testnet-ipfs", "stellar_mainnet-ipfs"), true, 365, true);
            case ADMIN -> new TierLimits(null, null, null, null, null, List.of("ipfs-ipfs", "stellar_testnet-ipfs",
                    "stellar_mainnet-ipfs", "ethereum_goerli-ipfs", "polygon-arweave"), true, 3650, true);
        };
    }
}
