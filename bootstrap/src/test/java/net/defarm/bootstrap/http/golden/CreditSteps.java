package net.defarm.bootstrap.http.golden;

/** The caller's account pages and credit ledger, and administrators' credit adjustments. */
final class CreditSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who holder = s.user("account-holder");
        Scene.Who admin = s.administrator("admin");
        s.as(holder).get("/users/me/profile");
        s.as(holder).get("/credit/users/current");
        s.as(holder).get("/users/me/credits/costs");

        s.as(admin).post("/api/admin/users/{user_id}/credits", "{\"amount\":250,\"reason\":\"Pilot programme\"}",
                holder.id());
        s.as(admin).post("/api/admin/users/{user_id}/credits", "{\"amount\":-40,\"reason\":\"Chargeback\"}",
                holder.id());
        s.as(holder).expect(403).post("/api/admin/users/{user_id}/credits", "{\"amount\":1000,\"reason\":\"Mine\"}",
                holder.id());
        s.as(admin).expect(404).post("/api/admin/users/{user_id}/credits", "{\"amount\":5,\"reason\":\"Nobody\"}",
                "user-nobody");
        s.as(admin).post("/api/admin/users/credits/bulk-grant", "{\"user_ids\":[\"" + holder.id()
                + "\",\"user-nobody\"],\"amount\":10,\"reason\":\"Harvest bonus\"}");

        s.as(holder).get("/users/me/credits/balance");
        s.as(holder).get("/users/me/credits/history?limit=2");
        s.as(admin).get("/api/admin/users/{user_id}/credits/history", holder.id());
    }
}
