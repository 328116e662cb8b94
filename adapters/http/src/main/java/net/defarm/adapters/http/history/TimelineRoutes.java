package net.defarm.adapters.http.history;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.history.StorageHistory;
import net.defarm.domain.history.StorageLocation;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.shared.InvalidInputException;

/**
 * An item's storage history and CID timeline under {@code /api/items/{dfid}} ({@link #items}), and the local ledger
 * networks' heads under {@code /api/timeline} ({@link #networks}).
 */
public final class TimelineRoutes implements HttpService {

    record ItemRecordView(String adapterType, String network, String nftMintTx, String ipcmUpdateTx, String ipfsCid,
                          boolean ipfsPinned, String nftContract, String storageLocation, String storedAt,
                          String triggeredBy, String operationType, boolean isActive, long timelineSequence) {
    }

    record ItemHistoryView(boolean success, String dfid, long totalRecords, List<ItemRecordView> records) {
    }

    record TimelineView(String dfid, long totalEntries, List<HistoryViews.TimelineEntryView> timeline) {
    }

    record ProgressView(String network, long lastIndexedLedger, long lastConfirmedLedger, String lastIndexedAt,
                        String status, long totalEventsIndexed, String errorMessage, String lastEntryHash) {
    }

    private final StorageHistory history;
    private final boolean items;
    private final HttpJson json;

    private TimelineRoutes(StorageHistory history, boolean items, HttpJson json) {
        this.history = history;
        this.items = items;
        this.json = json;
    }

    /** {@code /{dfid}/storage-history}, {@code /{dfid}/timeline}, {@code /{dfid}/timeline/{sequence}}. */
    public static TimelineRoutes items(StorageHistory history, HttpJson json) {
        return new TimelineRoutes(history, true, json);
    }

    /** {@code /indexing-progress/{network}}. */
    public static TimelineRoutes networks(StorageHistory history, HttpJson json) {
        return new TimelineRoutes(history, false, json);
    }

    @Override
    public void routing(HttpRules rules) {
        if (items) {
            rules.get("/{dfid}/storage-history", this::storageHistory)
                    .get("/{dfid}/timeline", this::timeline)
                    .get("/{dfid}/timeline/{sequence}", this::entry);
        } else {
            rules.get("/indexing-progress/{network}", this::progress);
        }
    }

    private void storageHistory(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        StorageHistory.HistoryPage page = history.history(Caller.of(req), dfid, Paging.of(req));
        Paging.headers(req, res, page.page());
        json.ok(res, new ItemHistoryView(true, dfid, page.total(), page.page().items().stream()
                .map(r -> view(r, page.currentPrimary(), page.showsActors())).toList()));
    }

    /** {@code showsActor}: whether the caller may see who caused the record (else {@code triggered_by} is null). */
    private static ItemRecordView view(StorageRecord r, StorageLocation primary, boolean showsActor) {
        StorageLocation main = StorageLocation.main(r);
        String location = StorageLocation.IPFS.equals(main.kind()) ? "IPFS(" + main.cid() + ")"
                : "Stellar(" + main.transactionId() + ")";
        return new ItemRecordView(r.adapterType(), r.network(), null, r.transactionHash(), r.cid().value(),
                r.pinned(), null, location, r.storedAt().toString(), showsActor ? r.triggeredBy() : null, r.operation(),
                main.equals(primary), r.timelineSequence());
    }

    private void timeline(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        StorageHistory.HistoryPage page = history.history(Caller.of(req), dfid, Paging.of(req));
        Paging.headers(req, res, page.page());
        json.ok(res, new TimelineView(dfid, page.total(), page.page().items().stream()
                .map(HistoryViews.TimelineEntryView::of).toList()));
    }

    private void entry(ServerRequest req, ServerResponse res) {
        String dfid = Requests.path(req, "dfid");
        String text = Requests.path(req, "sequence");
        long sequence;
        try {
            sequence = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("INVALID_SEQUENCE", "sequence must be a positive integer");
        }
        if (sequence < 1) {
            throw new InvalidInputException("INVALID_SEQUENCE", "sequence must be a positive integer");
        }
        json.ok(res, HistoryViews.TimelineEntryView.of(history.timelineEntry(Caller.of(req), dfid, sequence)));
    }

    private void progress(ServerRequest req, ServerResponse res) {
        StorageHistory.IndexingProgress p = history.indexingProgress(Requests.path(req, "network"));
        json.ok(res, new ProgressView(p.network(), p.lastSequence(), p.lastSequence(),
                p.lastAt() == null ? null : p.lastAt().toString(), "local_ledger", p.totalEntries(), null,
                p.lastHash()));
    }
}
