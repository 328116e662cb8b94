package net.defarm.adapters.http.items;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.application.items.CreateItem;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.MergeStrategy;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;

/** Request bodies of the item routes, and the readings they share. */
final class ItemRequests {

    private ItemRequests() {
    }

    record CreateItemRequest(List<IdentifierDto> identifiers, JsonObject enrichedData, String sourceEntry) {
    }

    record BatchRequest(List<CreateItemRequest> items) {
    }

    record UpdateItemRequest(JsonObject enrichedData, List<IdentifierDto> identifiers) {
    }

    record SplitRequest(List<IdentifierDto> identifiersForNewItem) {
    }

    record ResolveRequest(String action, List<IdentifierDto> newIdentifiers, JsonObject newEnrichedData) {
    }

    record LocalCreateRequest(List<IdentifierDto> identifiers, JsonObject enrichedData) {
    }

    record LocalMergeRequest(String masterLid, List<String> mergeLids, String mergeStrategy) {
    }

    record OrganizeRequest(String action, Boolean dryRun, String mergeStrategy) {
    }

    record UnmergeRequest(String mergedLid) {
    }

    static CreateItem.Command command(CreateItemRequest body) {
        UUID source = body.sourceEntry() == null ? UUID.randomUUID() : parseSource(body.sourceEntry());
        List<Identifier> ids = IdentifierDto.toDomain(body.identifiers());
        return new CreateItem.Command(ids == null ? List.of() : ids, body.enrichedData(), source);
    }

    private static UUID parseSource(String sourceEntry) {
        try {
            return UUID.fromString(sourceEntry);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("INVALID_SOURCE_ENTRY", "Invalid source entry UUID");
        }
    }

    static MergeStrategy strategy(String name) {
        return MergeStrategy.parse(name).orElseThrow(() -> new InvalidInputException("INVALID_MERGE_STRATEGY",
                "Invalid merge_strategy", Map.of("provided", name, "allowed", String.join(", ",
                        MergeStrategy.wireNames()))));
    }
}
