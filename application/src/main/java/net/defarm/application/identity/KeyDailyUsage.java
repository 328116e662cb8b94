package net.defarm.application.identity;

import java.time.LocalDate;

/** Requests, errors and summed latency of one API key on one day (UTC). */
public record KeyDailyUsage(LocalDate day, long requests, long errors, long latencyMillis) {
}
