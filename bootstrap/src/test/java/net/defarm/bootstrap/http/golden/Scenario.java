package net.defarm.bootstrap.http.golden;

import java.util.List;

/**
 * The golden scenario: the contexts' steps, in the order they run (later steps may use what earlier ones left
 * in the {@link Scene}). Each steps class covers the routes of one context and uses users of its own, so that
 * adding a call changes its own route's golden file and rarely another.
 *
 * <p>To cover a new route: (1) in the steps class of its context (or a new one added to {@link #STEPS}), call it
 * through {@code s.as(who).post("/api/the/{template}", body, values...)}, naming the template exactly as the
 * routing holds it, with a successful request and, for a key route, its main error case
 * ({@code s.as(who).expect(404)...}); (2) record with {@code -Dgolden.update=true} (see {@link GoldenHttpTests});
 * (3) review the new file under {@code src/test/resources/golden} and commit it with the route.
 */
final class Scenario {

    /** One context's part of the scenario. */
    interface Steps {
        void play(Scene s);
    }

    static final List<Steps> STEPS = List.of(new SystemSteps(), new AuthSteps(), new PasswordResetSteps(),
            new ItemSteps(), new LocalItemSteps(), new PendingItemSteps(), new EventSteps(), new CircuitSteps(),
            new CircuitMemberSteps(), new CircuitTrafficSteps(), new PublicCircuitSteps(), new StorageHistorySteps(),
            new PostActionSteps(),
            new ApiKeySteps(), new NotificationSteps(), new SnapshotSteps(), new MerkleSteps(),
            new ReceiptSteps(), new ItemShareSteps(), new EpcisSteps(), new CreditSteps(), new AdapterSteps(),
            new AdminSteps(), new AuditSteps(), new ActivitySteps());

    private Scenario() {
    }

    static void play(Scene s) {
        STEPS.forEach(steps -> steps.play(s));
    }
}
