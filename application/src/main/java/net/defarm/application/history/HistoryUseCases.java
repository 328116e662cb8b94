package net.defarm.application.history;

/** The storage-history context's inbound ports: the reads and commands, and the outbox handler of uploads. */
public record HistoryUseCases(StorageHistory history, StoreItemState store) {
}
