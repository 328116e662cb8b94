package net.defarm.adapters.http.credits;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import net.defarm.adapters.http.credits.CreditViews.TransactionView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.adapters.http.admin.AdminViews;
import net.defarm.application.admin.AdjustCredits;
import net.defarm.application.shared.Page;
import net.defarm.domain.credits.CreditTransaction;

/**
 * Administrators' credit routes under {@code /api/admin}: adjust one account, read its ledger, grant to many.
 * Successes keep the reference's {@code {"success": true, ...}} bodies; refusals are real statuses (docs).
 */
public final class AdminCreditRoutes implements HttpService {

    record AdjustBody(Long amount, String reason, String operationType) {
    }

    record BulkBody(List<String> userIds, Long amount, String reason) {
    }

    record AdjustedView(boolean success, String message, long amount, long newBalance, TransactionView transaction) {
    }

    record HistoryView(boolean success, String userId, List<TransactionView> transactions, int count) {
    }

    record BulkView(boolean success, String message, List<String> successful, List<List<String>> failed,
                    int totalUsers, int successfulCount, int failedCount) {
    }

    private final AdjustCredits credits;
    private final HttpJson json;

    public AdminCreditRoutes(AdjustCredits credits, HttpJson json) {
        this.credits = credits;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/users/credits/bulk-grant", this::bulkGrant)
                .post("/users/{user_id}/credits", this::adjust)
                .get("/users/{user_id}/credits/history", this::history);
    }

    private void adjust(ServerRequest req, ServerResponse res) {
        String userId = Requests.path(req, "user_id");
        AdjustBody b = json.read(req, AdjustBody.class);
        CreditTransaction line = credits.adjust(Caller.of(req), userId, b.amount(), b.reason(),
                AdminViews.requestId(req));
        json.ok(res, new AdjustedView(true, "Credits adjusted successfully", line.amount(), line.balanceAfter(),
                TransactionView.of(line)));
    }

    private void history(ServerRequest req, ServerResponse res) {
        String userId = Requests.path(req, "user_id");
        Page<CreditTransaction> page = credits.history(Caller.of(req), userId, Paging.of(req));
        Paging.headers(req, res, page);
        json.ok(res, new HistoryView(true, userId, TransactionView.of(page.items()), page.items().size()));
    }

    private void bulkGrant(ServerRequest req, ServerResponse res) {
        BulkBody b = json.read(req, BulkBody.class);
        AdjustCredits.BulkResult r = credits.bulkGrant(Caller.of(req), b.userIds(), b.amount(), b.reason(),
                AdminViews.requestId(req));
        List<List<String>> failed = r.failed().stream().map(f -> List.of(f.userId(), f.error())).toList();
        json.ok(res, new BulkView(true, "Bulk credit grant completed", r.successful(), failed,
                r.successful().size() + failed.size(), r.successful().size(), failed.size()));
    }
}
