package net.defarm.application.audit;

/** How many audit records an actor has in a selection. */
public record ActorCount(String actorId, long count) {
}
