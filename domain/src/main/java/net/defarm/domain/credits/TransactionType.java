package net.defarm.domain.credits;

import net.defarm.domain.shared.WireNames;

/** Why a ledger line moved a balance; the wire and storage name is the PascalCase word. */
public enum TransactionType {
    PURCHASE("Purchase"), GRANT("Grant"), CONSUMPTION("Consumption"), REFUND("Refund"),
    SUBSCRIPTION("Subscription"), PENALTY("Penalty");

    private final String display;

    TransactionType(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    public static TransactionType fromDisplay(String s) {
        return WireNames.require(values(), TransactionType::display, s, "credit transaction type");
    }
}
