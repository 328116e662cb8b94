package net.defarm.domain.evidence;

/** The latest entry of a network's chain: what the next entry must link to. */
public record LedgerHead(String network, long sequence, String entryHash) {
}
