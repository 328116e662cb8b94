package net.defarm.adapters.http.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.defarm.application.history.StorageHistory;
import net.defarm.domain.history.StorageLocation;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.shared.InvalidInputException;

/** The JSON shapes of storage history and the timeline, shared by the signed-in and public routes. */
final class HistoryViews {

    private HistoryViews() {
    }

    /** A location as the API's tagged union: {@code {"IPFS":{...}}} or {@code {"Stellar":{...}}}. */
    static Map<String, Object> location(StorageLocation l) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (StorageLocation.IPFS.equals(l.kind())) {
            fields.put("cid", l.cid());
            fields.put("pinned", l.pinned());
        } else {
            fields.put("transaction_id", l.transactionId());
            fields.put("contract_address", null);
            fields.put("asset_id", null);
            fields.put("network", l.network());
            fields.put("ledger_sequence", l.ledgerSequence());
        }
        return Map.of(l.kind(), fields);
    }

    /** Reads a location a client names: {@code {"IPFS":{"cid":...}}} or {@code {"Stellar":{"transaction_id":...}}}. */
    static StorageLocation readLocation(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw invalidLocation();
        }
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        if (StorageLocation.IPFS.equals(kind) && body.path("cid").isTextual()) {
            return StorageLocation.ipfs(body.get("cid").asText(), body.path("pinned").asBoolean(false));
        }
        if (StorageLocation.STELLAR.equals(kind) && body.path("transaction_id").isTextual()) {
            return StorageLocation.stellar(body.get("transaction_id").asText(), null, null);
        }
        throw invalidLocation();
    }

    private static InvalidInputException invalidLocation() {
        return new InvalidInputException("INVALID_STORAGE_LOCATION", "storage_location must be "
                + "{\"IPFS\":{\"cid\":...}} or {\"Stellar\":{\"transaction_id\":...}}");
    }

    static Map<String, Object> metadata(StorageRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", r.network());
        m.put("nft_mint_tx", null);
        m.put("ipcm_update_tx", r.transactionHash());
        m.put("ipfs_cid", r.cid().value());
        m.put("ipfs_pinned", r.pinned());
        m.put("nft_contract", null);
        return m;
    }

    record RecordView(Map<String, Object> storageLocation, String storedAt, String circuitId, String userId,
                      String operationType, boolean isPrimary, Map<String, Object> metadata, String adapterType,
                      long timelineSequence) {
        /** {@code showsActor}: whether the caller may see who caused the record (else {@code user_id} is null). */
        static RecordView of(StorageRecord r, boolean showsActor) {
            return new RecordView(location(StorageLocation.main(r)), r.storedAt().toString(),
                    r.circuitId() == null ? null : r.circuitId().toString(), showsActor ? r.triggeredBy() : null,
                    r.operation(),
                    r.primary(), HistoryViews.metadata(r), r.adapterType(), r.timelineSequence());
        }
    }

    record HistoryView(String dfid, List<RecordView> storageRecords, Map<String, Object> currentPrimary,
                       long totalRecords, String createdAt, String updatedAt) {
        static HistoryView of(String dfid, StorageHistory.HistoryPage h) {
            List<StorageRecord> records = h.page().items();
            return new HistoryView(dfid, records.stream().map(r -> RecordView.of(r, h.showsActors())).toList(),
                    h.currentPrimary() == null ? null : location(h.currentPrimary()), h.total(),
                    records.isEmpty() ? null : records.getFirst().storedAt().toString(),
                    h.updatedAt() == null ? null : h.updatedAt().toString());
        }
    }

    record TimelineEntryView(long sequence, String cid, String transactionHash, Long blockchainTimestamp,
                             String network, String createdAt) {
        static TimelineEntryView of(StorageRecord r) {
            return new TimelineEntryView(r.timelineSequence(), r.cid().value(), r.transactionHash(),
                    r.anchoredAt() == null ? null : r.anchoredAt().getEpochSecond(),
                    r.network() == null ? "ipfs" : r.network(), r.storedAt().toString());
        }
    }
}
