package net.defarm.domain.items;

import java.time.Instant;

/** Another system's name for an item (scheme {@code user:<id>}, {@code erp:lote}, ...), with who issued it and proof. */
public record ExternalAlias(String scheme, String value, String issuerId, Instant issuedAt, String evidenceHash) {
}
