package net.defarm.domain.identity;

import net.defarm.domain.shared.WireNames;

/** Whether an account may sign in; every status but ACTIVE is refused with its own message. */
public enum AccountStatus {
    ACTIVE("Active", null),
    SUSPENDED("Suspended", "Your account has been suspended. Please contact an administrator."),
    BANNED("Banned", "Your account has been banned. Please contact an administrator."),
    PENDING_VERIFICATION("PendingVerification", "Your account is pending verification. Please check your email."),
    TRIAL_EXPIRED("TrialExpired", "Your trial has expired. Please upgrade your account.");

    private final String display;
    private final String refusal;

    AccountStatus(String display, String refusal) {
        this.display = display;
        this.refusal = refusal;
    }

    public String display() {
        return display;
    }

    /** Why an account in this status may not sign in; null for ACTIVE. */
    public String refusal() {
        return refusal;
    }

    public static AccountStatus fromDisplay(String s) {
        return WireNames.require(values(), AccountStatus::display, s, "account status");
    }
}
