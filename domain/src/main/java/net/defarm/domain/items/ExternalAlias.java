package net.defarm.domain.items;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.defarm.domain.shared.Hashes;

/** Another system's name for an item (scheme {@code user:<id>}, {@code erp:lote}, ...), with who issued it and proof. */
public record ExternalAlias(String scheme, String value, String issuerId, Instant issuedAt, String evidenceHash) {

    /** The alias a new tokenized item gets: the requester's LID, proved by BLAKE3 of its 16 raw bytes. */
    public static ExternalAlias forLocalItem(String requesterId, UUID lid, Instant now) {
        String evidence = Hashes.blake3Hex(List.of(Hashes.bigEndian(lid.getMostSignificantBits()),
                Hashes.bigEndian(lid.getLeastSignificantBits())));
        return new ExternalAlias("user:" + requesterId, lid.toString(), requesterId, now, evidence);
    }

    /** The alias added when a tokenization enriches an existing item, proved by BLAKE3 of the DFID. */
    public static ExternalAlias forEnrichment(String requesterId, UUID aliasValue, String dfid, Instant now) {
        return new ExternalAlias("user:" + requesterId, aliasValue.toString(), requesterId, now,
                Hashes.blake3Hex(dfid));
    }
}
