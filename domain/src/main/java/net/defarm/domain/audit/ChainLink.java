package net.defarm.domain.audit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The place of a record in its hash chain: the partition (UTC day and shard), the position in it (from 1) and the
 * link, {@code SHA-256(previous link || record digest)} as hex (see {@link AuditChain}).
 */
public record ChainLink(LocalDate day, int shard, long seq, String link) {
    public ChainLink {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(link, "link");
    }
}
