package net.defarm.application.credits;

/** The credits context's inbound ports, as the HTTP adapter receives them. */
public record CreditUseCases(CreditQueries queries, AdjustCredits admin) {
}
