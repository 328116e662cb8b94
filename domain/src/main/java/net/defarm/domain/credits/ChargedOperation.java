package net.defarm.domain.credits;

/** The operations the tier cost table prices; {@link CreditCosts#of} gives each one's price per tier. */
public enum ChargedOperation {
    ITEM_CREATION, CIRCUIT_OPERATION, STORAGE_MIGRATION, AUDIT_EXPORT, PREMIUM_ADAPTER_USAGE, API_REQUEST
}
