package net.defarm.bootstrap.http.golden;

/** Sharing one item with one user: share, ask, list what was received, revoke. */
final class ItemShareSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who lender = s.user("lender");
        Scene.Who borrower = s.user("borrower");
        String dfid = s.api.post("/api/items", lender.token(), "{\"identifiers\":[" + ItemSteps.lote("SHARED-1")
                + "],\"enriched_data\":{\"weight_kg\":480}}").text("dfid");
        String share = s.as(lender).post("/api/items/{dfid}/share", "{\"recipient_user_id\":\"" + borrower.id()
                + "\",\"permissions\":[\"read\"]}", dfid).text("share_id");
        s.as(lender).expect(400).post("/api/items/{dfid}/share", "{\"recipient_user_id\":\"" + lender.id() + "\"}",
                dfid);
        s.as(lender).get("/api/items/{dfid}/shared-with/{user_id}", dfid, borrower.id());
        s.as(borrower).get("/api/items/shared-to/{user_id}", borrower.id());
        s.as(s.user("stranger")).expect(404).get("/api/items/shared-to/{user_id}", borrower.id());
        s.as(borrower).expect(403).delete("/api/items/{dfid}/share/{share_id}", dfid, share);
        s.as(lender).delete("/api/items/{dfid}/share/{share_id}", dfid, share);
        s.as(lender).get("/api/items/{dfid}/shared-with/{user_id}", dfid, borrower.id());
    }
}
