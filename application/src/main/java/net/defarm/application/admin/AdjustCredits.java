package net.defarm.application.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import net.defarm.application.audit.AuditTrail;
import net.defarm.application.credits.CreditHistory;
import net.defarm.application.credits.CreditLedger;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Limits;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.credits.TransactionType;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.DomainException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;

/**
 * Administrators move other accounts' credits: a positive adjustment is a Grant, a negative one a Penalty (which may
 * take a balance below zero, as a chargeback does), each with its reason as the line's description. Only
 * administrators may ({@link AdminGate}); everyone else is refused (403) before anything is looked up. Each change is
 * an administrator's recorded action (the account before and after, so the balances) in the same unit of work.
 */
@UseCase
public final class AdjustCredits {

    static final int MAX_REASON = 500;
    /** Largest adjustment at once: keeps every balance far from the 64-bit edge. */
    static final long MAX_AMOUNT = 1_000_000_000_000L;

    public record Failure(String userId, String error) {
    }

    public record BulkResult(List<String> successful, List<Failure> failed) {
    }

    private final AdminGate gate;
    private final AdminLog log;
    private final UserAccountRepository users;
    private final CreditLedger ledger;
    private final CreditHistory history;
    private final UnitOfWork uow;
    private final Clock clock;

    public AdjustCredits(UserAccountRepository users, AdminActionRepository actions, CreditLedger ledger,
                         UnitOfWork uow, Clock clock, AuditTrail audit) {
        this.gate = new AdminGate(users);
        this.log = new AdminLog(actions, clock, audit);
        this.users = users;
        this.ledger = ledger;
        this.history = new CreditHistory(ledger);
        this.uow = uow;
        this.clock = clock;
    }

    public CreditTransaction adjust(Actor actor, String userId, Long amount, String reason, String requestId) {
        UserAccount admin = gate.require(actor);
        long value = nonZero(amount);
        String why = reason(reason);
        return append(admin, "adjust_credits", userId, value, why, requestId);
    }

    public Page<CreditTransaction> history(Actor actor, String userId, PageRequest request) {
        gate.require(actor);
        users.findById(userId).orElseThrow(AdjustCredits::unknownUser);
        return history.page(userId, request);
    }

    /** Each user on its own: an unknown user is reported as failed and does not undo the others. */
    public BulkResult bulkGrant(Actor actor, List<String> userIds, Long amount, String reason, String requestId) {
        UserAccount admin = gate.require(actor);
        if (userIds == null || userIds.isEmpty()) {
            throw new InvalidInputException("MISSING_FIELD", "user_ids must name at least one user");
        }
        if (userIds.size() > Limits.MAX_BATCH_ITEMS) {
            throw new InvalidInputException("BATCH_TOO_LARGE", "At most " + Limits.MAX_BATCH_ITEMS
                    + " users per bulk grant; split the request");
        }
        if (amount == null || amount <= 0) {
            throw new InvalidInputException("INVALID_FIELD", "amount must be a positive number of credits");
        }
        bounded(amount);
        String why = reason(reason);
        List<String> successful = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (String userId : new LinkedHashSet<>(userIds)) {
            try {
                if (userId == null || userId.isBlank()) {
                    throw unknownUser();
                }
                append(admin, "bulk_grant_credits", userId, amount, why, requestId);
                successful.add(userId);
            } catch (DomainException e) {
                failed.add(new Failure(userId, e.getMessage()));
            }
        }
        return new BulkResult(successful, failed);
    }

    private CreditTransaction append(UserAccount admin, String action, String userId, long amount, String reason,
                                     String requestId) {
        TransactionType type = amount > 0 ? TransactionType.GRANT : TransactionType.PENALTY;
        return uow.inTransaction(() -> {
            UserAccount before = users.findById(userId).orElseThrow(AdjustCredits::unknownUser);
            CreditTransaction line = ledger.append(new CreditLedger.Entry(UUID.randomUUID(), userId, type, amount,
                    reason, clock.now(), true));
            log.record(admin.userId(), action, before, users.findById(userId).orElseThrow(), requestId);
            return line;
        });
    }

    private static long nonZero(Long amount) {
        if (amount == null) {
            throw new InvalidInputException("MISSING_FIELD", "amount is required");
        }
        if (amount == 0) {
            throw new InvalidInputException("INVALID_FIELD", "amount must not be zero");
        }
        return bounded(amount);
    }

    private static long bounded(long amount) {
        if (amount > MAX_AMOUNT || amount < -MAX_AMOUNT) {
            throw new InvalidInputException("INVALID_FIELD", "amount must be between -" + MAX_AMOUNT + " and "
                    + MAX_AMOUNT);
        }
        return amount;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", "reason is required");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON) {
            throw new InvalidInputException("INVALID_FIELD", "reason must be at most " + MAX_REASON + " characters");
        }
        return stripped;
    }

    private static NotFoundException unknownUser() {
        return new NotFoundException("USER_NOT_FOUND", "User not found");
    }
}
