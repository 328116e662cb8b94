package net.defarm.adapters.http.credits;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import net.defarm.adapters.http.credits.CreditViews.LimitsView;
import net.defarm.adapters.http.credits.CreditViews.TransactionView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.application.credits.CreditQueries;
import net.defarm.domain.credits.CreditCosts;
import net.defarm.domain.identity.UserAccount;

/**
 * The signed-in user's account pages, at the root as in the reference: {@code /users/me/profile} (and its alias
 * {@code /credit/users/current}), {@code /users/me/credits/balance}, {@code .../history} and {@code .../costs}.
 */
public final class CreditRoutes implements HttpService {

    record ProfileView(String userId, String username, String email, String tier, long credits, String status,
                       boolean isAdmin, String createdAt, Object subscription, LimitsView limits) {
    }

    record BalanceView(long credits, String tier, String lastUpdated) {
    }

    record HistoryView(List<TransactionView> transactions, long totalCredits) {
    }

    record CostsView(long itemCreation, long circuitOperation, long storageMigration, long auditExport,
                     long premiumAdapterUsage, long apiRequest, String tier) {
    }

    private final CreditQueries queries;
    private final HttpJson json;

    public CreditRoutes(CreditQueries queries, HttpJson json) {
        this.queries = queries;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/users/me/profile", this::profile)
                .get("/credit/users/current", this::profile)
                .get("/users/me/credits/balance", this::balance)
                .get("/users/me/credits/history", this::history)
                .get("/users/me/credits/costs", this::costs);
    }

    private void profile(ServerRequest req, ServerResponse res) {
        CreditQueries.Profile p = queries.profile(Caller.of(req));
        UserAccount a = p.account();
        // No subscription plans exist yet: the reference's field is always null here.
        json.ok(res, new ProfileView(a.userId(), a.username(), a.email(), a.tier().display(), a.credits(),
                a.status().display(), a.admin(), a.createdAt().toString(), null, LimitsView.of(p.limits())));
    }

    private void balance(ServerRequest req, ServerResponse res) {
        CreditQueries.Balance b = queries.balance(Caller.of(req));
        json.ok(res, new BalanceView(b.credits(), b.tier().display(), b.lastUpdated().toString()));
    }

    private void history(ServerRequest req, ServerResponse res) {
        CreditQueries.History h = queries.history(Caller.of(req), Paging.of(req));
        Paging.headers(req, res, h.page());
        json.ok(res, new HistoryView(TransactionView.of(h.page().items()), h.totalCredits()));
    }

    private void costs(ServerRequest req, ServerResponse res) {
        CreditQueries.Costs c = queries.costs(Caller.of(req));
        CreditCosts k = c.costs();
        json.ok(res, new CostsView(k.itemCreation(), k.circuitOperation(), k.storageMigration(), k.auditExport(),
                k.premiumAdapterUsage(), k.apiRequest(), c.tier().display()));
    }
}
