package net.defarm.adapters.http.items;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.defarm.application.items.CreateItemsBatch;
import net.defarm.application.items.LocalItems;
import net.defarm.domain.items.DuplicateGroup;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.items.SuggestedAction;
import net.defarm.domain.shared.JsonObject;

/** Response shapes of the items routes (the reference's field names; timestamps in Unix seconds). */
final class ItemViews {

    private ItemViews() {
    }

    record ItemView(String dfid, List<IdentifierDto> identifiers, JsonObject enrichedData, long creationTimestamp,
                    long lastModified, List<String> sourceEntries, String status) {
        static ItemView of(Item item) {
            return new ItemView(item.dfid(), IdentifierDto.of(item.identifiers()), item.enrichedData(),
                    item.createdAt().getEpochSecond(), item.lastModified().getEpochSecond(),
                    item.sourceEntries().stream().map(UUID::toString).toList(), item.status().display());
        }

        static List<ItemView> of(List<Item> items) {
            return items.stream().map(ItemView::of).toList();
        }
    }

    record Stats(long totalItems, long activeItems, long mergedItems, long splitItems, long archivedItems,
                 long totalIdentifiers, double averageConfidence) {
        static Stats of(ItemStatistics s) {
            return new Stats(s.total(), s.active(), s.merged(), s.split(), s.deprecated(), s.totalIdentifiers(),
                    s.averageConfidence());
        }
    }

    record SplitView(ItemView originalItem, ItemView newItem) {
    }

    record BatchView(int successCount, int failedCount, List<BatchResult> results) {
        static BatchView of(List<CreateItemsBatch.Result> results) {
            List<BatchResult> views = results.stream().map(r -> switch (r) {
                case CreateItemsBatch.Created created -> new BatchResult(true, ItemView.of(created.item()), null,
                        null);
                case CreateItemsBatch.Refused refused -> new BatchResult(false, null, refused.error(),
                        refused.errorCode());
            }).toList();
            int ok = (int) views.stream().filter(BatchResult::success).count();
            return new BatchView(ok, views.size() - ok, views);
        }
    }

    record BatchResult(boolean success, ItemView item, String error, String errorCode) {
    }

    record Message(String message) {
    }

    record PendingView(String id, List<IdentifierDto> identifiers, JsonObject enrichedData, String sourceEntry,
                       String reason, String reasonDetails, int priority, long createdAt, Map<String, String> metadata,
                       String reasonType, boolean manualReviewRequired, int retryCount,
                       List<SuggestedAction> suggestedActions) {
        static PendingView of(PendingItem p) {
            return new PendingView(p.pendingId().toString(), IdentifierDto.of(p.identifiers()), p.enrichedData(),
                    p.sourceEntry().toString(), p.reason().describe(), p.reason().reasonDetails().orElse(null),
                    p.priority().level(), p.createdAt().getEpochSecond(), new TreeMap<>(p.metadata()),
                    p.reason().name(),
                    p.manualReviewRequired(), p.retryCount(), p.suggestedActions());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResolveView(boolean success, ItemView item, String message, PendingView pendingItem) {
    }

    record LocalCreated(String localId, String status) {
    }

    record MappingView(String localId, String dfid, String status) {
        static MappingView of(LocalItems.Mapping m) {
            return new MappingView(m.lid().toString(), m.dfid(), m.tokenized() ? "Tokenized" : "LocalOnly");
        }
    }

    record LocalItemView(String dfid, String localId, JsonObject enrichedData, String lastModified) {
        static LocalItemView of(Item item) {
            return new LocalItemView(item.dfid(), item.localId() == null ? null : item.localId().toString(),
                    item.enrichedData(), item.lastModified().toString());
        }
    }

    record MergeView(String masterLid, int mergedCount, List<String> mergedLids, LocalItemView masterItem) {
        static MergeView of(LocalItems.MergeResult r) {
            return new MergeView(r.master().localId().toString(), r.mergedLids().size(),
                    r.mergedLids().stream().map(UUID::toString).toList(), LocalItemView.of(r.master()));
        }
    }

    record UnmergeView(boolean success, String restoredLid, String previousMasterLid, LocalItemView restoredItem) {
    }

    record DuplicateItem(String localId, String dfid, String created, JsonObject enrichedData, int identifiersCount) {
    }

    record DuplicateGroupView(String identifierKey, String identifierValue, List<DuplicateItem> items,
                              String suggestedMasterLid, List<String> conflicts) {
        static DuplicateGroupView of(DuplicateGroup g) {
            return new DuplicateGroupView(g.identifierKey(), g.identifierValue(), g.items().stream()
                    .map(i -> new DuplicateItem(i.localId().toString(), i.dfid(), i.createdAt().toString(),
                            i.enrichedData(), i.identifiers().size())).toList(),
                    g.suggestedMaster().localId().toString(), List.copyOf(g.conflictingFields()));
        }
    }

    record DuplicatesView(boolean success, List<DuplicateGroupView> duplicateGroups, DuplicateSummary summary) {
        static DuplicatesView of(List<DuplicateGroup> groups) {
            int inGroups = groups.stream().mapToInt(g -> g.items().size()).sum();
            return new DuplicatesView(true, groups.stream().map(DuplicateGroupView::of).toList(),
                    new DuplicateSummary(inGroups, groups.size(), inGroups));
        }
    }

    record DuplicateSummary(int totalItems, int duplicateGroups, int itemsInDuplicates) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OrganizeOperation(String masterLid, List<String> mergedLids, String status, String reason) {
    }

    record OrganizeSummary(int itemsBefore, int itemsAfter, int mergedCount, int groupsProcessed) {
    }

    record OrganizeView(boolean success, List<OrganizeOperation> operations, OrganizeSummary summary, boolean dryRun) {
        static OrganizeView of(LocalItems.OrganizeResult r) {
            return new OrganizeView(true, r.outcomes().stream().map(o -> new OrganizeOperation(o.masterLid().toString(),
                    o.mergedLids().stream().map(UUID::toString).toList(), o.status(), o.reason())).toList(),
                    new OrganizeSummary(r.itemsBefore(), r.itemsAfter(), r.mergedCount(), r.outcomes().size()),
                    r.dryRun());
        }
    }
}
