package net.defarm.domain.identity;

/**
 * The published limits of a tier; a null number means unlimited. They describe the plan (the profile shows them);
 * the service does not enforce them.
 */
public record TierLimits(Long maxItemsPerMonth, Long maxCircuits, Long maxStorageLocations,
                         Long maxApiRequestsPerHour, Long maxWorkspaceMembers, boolean canUsePremiumAdapters,
                         int maxAuditRetentionDays, boolean prioritySupport) {

    private static final TierLimits BASIC = new TierLimits(1000L, 5L, 1L, 100L, 3L, false, 30, false);
    private static final TierLimits PROFESSIONAL = new TierLimits(10_000L, 25L, 3L, 1000L, 10L, false, 90, true);
    private static final TierLimits ENTERPRISE = new TierLimits(null, null, null, 10_000L, null, true, 365, true);
    private static final TierLimits ADMIN = new TierLimits(null, null, null, null, null, true, 3650, true);

    public static TierLimits of(UserTier tier) {
        return switch (tier) {
            case BASIC -> BASIC;
            case PROFESSIONAL -> PROFESSIONAL;
            case ENTERPRISE -> ENTERPRISE;
            case ADMIN -> ADMIN;
        };
    }
}
