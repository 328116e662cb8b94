package net.defarm.adapters.http.credits;

import java.util.List;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.identity.TierLimits;

/** The JSON shapes of the account and credit routes (timestamps in RFC 3339, as the reference's model objects). */
final class CreditViews {

    private CreditViews() {
    }

    record TransactionView(String transactionId, long amount, String transactionType, String description,
                           String timestamp, long balanceAfter) {
        static TransactionView of(CreditTransaction t) {
            return new TransactionView(t.transactionId().toString(), t.amount(), t.type().display(), t.description(),
                    t.timestamp().toString(), t.balanceAfter());
        }

        static List<TransactionView> of(List<CreditTransaction> lines) {
            return lines.stream().map(TransactionView::of).toList();
        }
    }

    record LimitsView(Long maxItemsPerMonth, Long maxCircuits, Long maxStorageLocations, Long maxApiRequestsPerHour,
                      Long maxWorkspaceMembers, boolean canUsePremiumAdapters, int maxAuditRetentionDays,
                      boolean prioritySupport) {
        static LimitsView of(TierLimits l) {
            return new LimitsView(l.maxItemsPerMonth(), l.maxCircuits(), l.maxStorageLocations(),
                    l.maxApiRequestsPerHour(), l.maxWorkspaceMembers(), l.canUsePremiumAdapters(),
                    l.maxAuditRetentionDays(), l.prioritySupport());
        }
    }
}
