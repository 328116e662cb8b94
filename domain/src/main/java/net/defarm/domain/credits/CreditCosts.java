package net.defarm.domain.credits;

import net.defarm.domain.identity.UserTier;

/**
 * What each priced operation costs an account of a tier, in credits. The table is the product's published price
 * list; the Admin tier is listed with Enterprise's figures but is never charged ({@link #charged}).
 */
public record CreditCosts(long itemCreation, long circuitOperation, long storageMigration, long auditExport,
                          long premiumAdapterUsage, long apiRequest) {

    private static final CreditCosts BASIC = new CreditCosts(2, 3, 10, 20, 10, 1);
    private static final CreditCosts PROFESSIONAL = new CreditCosts(1, 2, 5, 10, 5, 0);
    private static final CreditCosts ENTERPRISE = new CreditCosts(1, 1, 3, 5, 2, 0);

    public static CreditCosts of(UserTier tier) {
        return switch (tier) {
            case BASIC -> BASIC;
            case PROFESSIONAL -> PROFESSIONAL;
            case ENTERPRISE, ADMIN -> ENTERPRISE;
        };
    }

    public long of(ChargedOperation operation) {
        return switch (operation) {
            case ITEM_CREATION -> itemCreation;
            case CIRCUIT_OPERATION -> circuitOperation;
            case STORAGE_MIGRATION -> storageMigration;
            case AUDIT_EXPORT -> auditExport;
            case PREMIUM_ADAPTER_USAGE -> premiumAdapterUsage;
            case API_REQUEST -> apiRequest;
        };
    }

    /** What {@code count} operations cost an account of {@code tier}: nothing for the Admin tier. */
    public static long charged(UserTier tier, ChargedOperation operation, int count) {
        return tier == UserTier.ADMIN ? 0 : Math.multiplyExact(of(tier).of(operation), (long) count);
    }
}
