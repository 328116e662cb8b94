package net.defarm.application.backends;

/** The storage-adapter context's inbound ports, as the HTTP adapter receives them. */
public record BackendUseCases(StorageAdapters adapters, AdapterConfigurations configurations) {
}
