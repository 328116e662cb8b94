package net.defarm.application.backends;

import java.time.Instant;

/** One backend an adapter uses, as checked now: {@code role} says what the adapter keeps there. */
public record BackendCheck(String backend, String role, boolean configured, boolean healthy, String detail,
                           Instant checkedAt) {
}
