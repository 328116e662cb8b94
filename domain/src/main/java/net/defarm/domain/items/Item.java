package net.defarm.domain.items;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import net.defarm.domain.shared.JsonObject;

/**
 * A traceable thing (an animal, a lot, a harvest) under a global DFID, or under {@code LID-<uuid>} while it only
 * exists in its owner's workspace. Every change returns a new value; {@link #version()} is the stored version the
 * value was read at, used by repositories to refuse stale updates.
 */
public record Item(
        String dfid,
        UUID localId,
        boolean legacyMode,
        List<Identifier> identifiers,
        List<ExternalAlias> aliases,
        String fingerprint,
        JsonObject enrichedData,
        Instant createdAt,
        Instant lastModified,
        List<UUID> sourceEntries,
        double confidenceScore,
        ItemStatus status,
        String ownerId,
        long version) {

    public static final String LOCAL_PREFIX = "LID-";

    public Item {
        Objects.requireNonNull(dfid, "dfid");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastModified, "lastModified");
        identifiers = List.copyOf(identifiers);
        aliases = List.copyOf(aliases);
        sourceEntries = List.copyOf(sourceEntries);
        enrichedData = enrichedData == null ? JsonObject.EMPTY : enrichedData;
    }

    /** A new item created directly under a DFID (the "legacy" workspace flow). */
    public static Item create(String dfid, List<Identifier> identifiers, JsonObject enrichedData, UUID sourceEntry,
                              String ownerId, Instant now) {
        return new Item(dfid, null, true, distinct(identifiers), List.of(), null, enrichedData, now, now,
                List.of(sourceEntry), 1.0, ItemStatus.ACTIVE, ownerId, 0);
    }

    /** A workspace-local item: no DFID yet, stored as {@code LID-<lid>} until it is tokenized in a circuit. */
    public static Item createLocal(UUID lid, List<Identifier> identifiers, JsonObject enrichedData, UUID sourceEntry,
                                   String ownerId, Instant now) {
        return new Item(LOCAL_PREFIX + lid, lid, false, distinct(identifiers), List.of(), null, enrichedData, now, now,
                List.of(sourceEntry), 1.0, ItemStatus.ACTIVE, ownerId, 0);
    }

    /** A workspace item tokenized into a circuit: a new DFID carrying the LID and the requester's alias. */
    public static Item tokenized(String dfid, UUID lid, List<Identifier> identifiers, JsonObject enrichedData,
                                 UUID sourceEntry, ExternalAlias alias, String fingerprint, String ownerId,
                                 Instant now) {
        return new Item(dfid, lid, false, distinct(identifiers), List.of(alias), fingerprint, enrichedData, now, now,
                List.of(sourceEntry), 1.0, ItemStatus.ACTIVE, ownerId, 0);
    }

    /** Another tokenization naming this item: its new identifiers, an alias for the requester, attributes put. */
    /**
     * Another tokenization resolved to this item: identifiers it lacks are added, the alias appended, and enriched
     * data merged. The owner's new values overwrite; anyone else may only add fields, never change the owner's.
     */
    public Item tokenizedAgain(List<Identifier> candidates, JsonObject data, ExternalAlias alias, String byUserId,
                               Instant now) {
        Item withIds = withIdentifiersAdded(candidates, now);
        List<ExternalAlias> als = new ArrayList<>(aliases);
        als.add(alias);
        JsonObject merged = data == null ? enrichedData
                : ownerId.equals(byUserId) ? enrichedData.merge(data) : data.merge(enrichedData);
        return withIds.copy(withIds.identifiers, als, merged, sourceEntries, confidenceScore, status, now);
    }

    public static String localDfid(UUID lid) {
        return LOCAL_PREFIX + lid;
    }

    public boolean isLocalOnly() {
        return dfid.startsWith(LOCAL_PREFIX);
    }

    public boolean hasIdentifier(Identifier identifier) {
        String key = identifier.uniqueKey();
        return identifiers.stream().anyMatch(i -> i.uniqueKey().equals(key));
    }

    /** Adds the identifiers it does not already carry; the same value if nothing is new. */
    public Item withIdentifiersAdded(List<Identifier> candidates, Instant now) {
        List<Identifier> added = new ArrayList<>(identifiers);
        Set<String> known = uniqueKeys(identifiers);
        for (Identifier candidate : candidates) {
            if (known.add(candidate.uniqueKey())) {
                added.add(candidate);
            }
        }
        if (added.size() == identifiers.size()) {
            return this;
        }
        return copy(added, aliases, enrichedData, sourceEntries, confidenceScore, status, now);
    }

    /** Shallow put-all of attributes (new values overwrite) recording where they came from. */
    public Item enrichedWith(JsonObject data, UUID sourceEntry, Instant now) {
        List<UUID> sources = new ArrayList<>(sourceEntries);
        sources.add(sourceEntry);
        return copy(identifiers, aliases, enrichedData.merge(data), sources, confidenceScore, status, now);
    }

    /** Absorbs a secondary item: its missing identifiers, its attributes (which win), its provenance. */
    public Item absorbing(Item secondary, Instant now) {
        Item withIds = withIdentifiersAdded(secondary.identifiers, now);
        List<UUID> sources = new ArrayList<>(sourceEntries);
        sources.addAll(secondary.sourceEntries);
        return copy(withIds.identifiers, aliases, enrichedData.merge(secondary.enrichedData), sources,
                (confidenceScore + secondary.confidenceScore) / 2, status, now);
    }

    /** Keeps only the identifiers not handed to a split-off item, and records the split. */
    public Item splitOff(List<Identifier> movedAway, Instant now) {
        Set<String> moved = uniqueKeys(movedAway);
        List<Identifier> kept = identifiers.stream().filter(i -> !moved.contains(i.uniqueKey())).toList();
        return copy(kept, aliases, enrichedData, sourceEntries, confidenceScore, ItemStatus.SPLIT, now);
    }

    public Item withStatus(ItemStatus newStatus, Instant now) {
        return copy(identifiers, aliases, enrichedData, sourceEntries, confidenceScore, newStatus, now);
    }

    /** The master of a local merge: new attributes and the others' provenance it lacked. */
    public Item withMergedLocalData(JsonObject data, List<UUID> otherSources, Instant now) {
        LinkedHashMap<UUID, Boolean> sources = new LinkedHashMap<>();
        sourceEntries.forEach(s -> sources.putIfAbsent(s, true));
        otherSources.forEach(s -> sources.putIfAbsent(s, true));
        return copy(identifiers, aliases, data, new ArrayList<>(sources.keySet()), confidenceScore, status, now);
    }

    /** The same item as stored at another version (repositories set this after a write). */
    public Item atVersion(long storedVersion) {
        return new Item(dfid, localId, legacyMode, identifiers, aliases, fingerprint, enrichedData, createdAt,
                lastModified, sourceEntries, confidenceScore, status, ownerId, storedVersion);
    }

    private Item copy(List<Identifier> ids, List<ExternalAlias> als, JsonObject data, List<UUID> sources,
                      double confidence, ItemStatus st, Instant now) {
        return new Item(dfid, localId, legacyMode, ids, als, fingerprint, data, createdAt, now, sources, confidence,
                st, ownerId, version);
    }

    private static Set<String> uniqueKeys(List<Identifier> ids) {
        Set<String> keys = new HashSet<>();
        ids.forEach(i -> keys.add(i.uniqueKey()));
        return keys;
    }

    /** The identifiers in order, without repeats of the same unique key. */
    public static List<Identifier> distinct(List<Identifier> ids) {
        Set<String> seen = new HashSet<>();
        return ids.stream().filter(i -> seen.add(i.uniqueKey())).toList();
    }
}
