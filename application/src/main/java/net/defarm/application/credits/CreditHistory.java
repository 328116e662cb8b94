package net.defarm.application.credits;

import java.util.List;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.credits.CreditTransaction;
import net.defarm.domain.shared.InvalidInputException;

/** Pages of one account's ledger, newest first, for its owner and for administrators alike. */
public final class CreditHistory {

    /** Lines per page at most: history pages stay small whatever the client asks. */
    static final int MAX_LIMIT = 200;
    private static final String KIND = "credits";

    private final CreditLedger ledger;

    public CreditHistory(CreditLedger ledger) {
        this.ledger = ledger;
    }

    public Page<CreditTransaction> page(String userId, PageRequest request) {
        int limit = Math.min(request.limit(), MAX_LIMIT);
        Long before = null;
        if (request.cursor() != null) {
            String part = Cursor.decode(KIND, request.cursor(), 1).getFirst();
            if (!part.matches("[1-9][0-9]{0,17}")) {
                throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
            }
            before = Long.parseLong(part);
        }
        List<CreditTransaction> fetched = ledger.history(userId, before, limit + 1);
        return Page.of(fetched, limit, t -> Cursor.encode(KIND, Long.toString(t.sequence())));
    }
}
