package net.defarm.application.delivery;

/** The delivery context's inbound ports: post-action management and the outbox dispatcher. */
public record DeliveryUseCases(ManagePostActions postActions, DispatchOutbox dispatch) {
}
