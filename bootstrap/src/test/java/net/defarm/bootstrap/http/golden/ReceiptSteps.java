package net.defarm.bootstrap.http.golden;

/** Receipts: submit (and keep) bytes, read, verify with the same and other bytes, list and search. */
final class ReceiptSteps implements Scenario.Steps {

    /** base64 of {"peso":450}. */
    private static final String DATA = "eyJwZXNvIjo0NTB9";

    @Override
    public void play(Scene s) {
        Scene.Who clerk = s.user("clerk");
        String id = s.as(clerk).post("/api/receipts", "{\"data\":\"" + DATA + "\",\"identifiers\":["
                + ItemSteps.lote("RECEIPT-1") + "]}").text("id");
        s.as(clerk).post("/api/receipts", "{\"data\":\"aGVsbG8gd29ybGQ=\",\"keep\":true,\"identifiers\":["
                + ItemSteps.lote("RECEIPT-2") + "]}");
        s.as(clerk).expect(400).post("/api/receipts", "{\"data\":\"aGVsbG8\",\"identifiers\":["
                + ItemSteps.lote("RECEIPT-3") + "]}");
        s.as(clerk).get("/api/receipts/{id}", id);
        s.as(s.user("stranger")).expect(404).get("/api/receipts/{id}", id);
        s.as(clerk).post("/api/receipts/{id}/verify", "{\"data\":\"" + DATA + "\"}", id);
        s.as(clerk).post("/api/receipts/{id}/verify", "{\"data\":\"dGFtcGVyZWQ=\"}", id);
        s.as(clerk).get("/api/receipts/list?limit=1");
        s.as(clerk).post("/api/receipts/search/identifier", ItemSteps.lote("RECEIPT-2"));
        s.as(clerk).get("/api/receipts/search/key/{key}", "lote");
        s.as(clerk).get("/api/receipts/search/value/{value}", "RECEIPT-1");
    }
}
