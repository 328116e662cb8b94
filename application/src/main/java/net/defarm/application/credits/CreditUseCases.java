package net.defarm.application.credits;

/** The credits context's inbound ports, as the HTTP adapter receives them (administrators' are in admin). */
public record CreditUseCases(CreditQueries queries) {
}
