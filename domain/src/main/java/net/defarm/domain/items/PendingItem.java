package net.defarm.domain.items;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import net.defarm.domain.shared.JsonObject;

/** A submission held for review because it broke a rule; it can be approved (retried), modified or rejected. */
public record PendingItem(
        UUID pendingId,
        List<Identifier> identifiers,
        JsonObject enrichedData,
        UUID sourceEntry,
        Instant createdAt,
        Instant lastUpdated,
        PendingReason reason,
        PendingPriority priority,
        String ownerId,
        String workspaceId,
        int retryCount,
        boolean manualReviewRequired,
        List<SuggestedAction> suggestedActions,
        Map<String, String> metadata,
        long version) {

    public PendingItem {
        Objects.requireNonNull(pendingId, "pendingId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ownerId, "ownerId");
        identifiers = List.copyOf(identifiers);
        suggestedActions = List.copyOf(suggestedActions);
        metadata = Map.copyOf(metadata);
    }

    /** Holds a submission for the given reason, with the priority and review flag the reason implies. */
    public static PendingItem hold(UUID pendingId, List<Identifier> identifiers, JsonObject enrichedData,
                                   UUID sourceEntry, PendingReason reason, String ownerId, String workspaceId,
                                   Instant now) {
        return new PendingItem(pendingId, identifiers, enrichedData, sourceEntry, now, now, reason,
                reason.priority(), ownerId, workspaceId, 0, reason.requiresManualReview(),
                reason.suggestedActions(), Map.of(), 0);
    }

    /** An approval that still breaks a rule: one more try recorded, priority raised, reason refreshed. */
    public PendingItem retriedAndStillPending(PendingReason stillFailing, Instant now) {
        return new PendingItem(pendingId, identifiers, enrichedData, sourceEntry, createdAt, now, stillFailing,
                priority.raised(), ownerId, workspaceId, retryCount + 1, manualReviewRequired
                || stillFailing.requiresManualReview(), stillFailing.suggestedActions(), metadata, version);
    }

    /** The reviewer corrected the submission; it stays pending until approved. */
    public PendingItem modified(List<Identifier> newIdentifiers, JsonObject newEnrichedData, Instant now) {
        return new PendingItem(pendingId, newIdentifiers, newEnrichedData, sourceEntry, createdAt, now, reason,
                priority, ownerId, workspaceId, retryCount, manualReviewRequired, suggestedActions, metadata, version);
    }

    public PendingItem atVersion(long storedVersion) {
        return new PendingItem(pendingId, identifiers, enrichedData, sourceEntry, createdAt, lastUpdated, reason,
                priority, ownerId, workspaceId, retryCount, manualReviewRequired, suggestedActions, metadata,
                storedVersion);
    }
}
