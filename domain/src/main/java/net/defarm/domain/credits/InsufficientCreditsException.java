package net.defarm.domain.credits;

import java.util.Map;
import net.defarm.domain.shared.DomainException;

/** An operation costs more credits than the account holds; nothing of it was done (HTTP 402). */
public final class InsufficientCreditsException extends DomainException {

    private final long required;
    private final long balance;

    public InsufficientCreditsException(long required, long balance) {
        super("INSUFFICIENT_CREDITS", "Insufficient credits", Map.of());
        this.required = required;
        this.balance = balance;
    }

    public long required() {
        return required;
    }

    public long balance() {
        return balance;
    }
}
