package net.defarm.application.identity;

/** Machine access: key management, and the usage counters the door feeds. */
public record AccessUseCases(ApiKeys apiKeys, KeyUsage usage) {
}
