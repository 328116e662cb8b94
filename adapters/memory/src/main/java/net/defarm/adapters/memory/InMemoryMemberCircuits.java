package net.defarm.adapters.memory;

import java.util.Set;
import java.util.UUID;
import net.defarm.application.events.MemberCircuits;

/** The circuits a user owns or belongs to, from the memory circuit index. */
public final class InMemoryMemberCircuits implements MemberCircuits {

    private final InMemoryCircuitRepository circuits;

    public InMemoryMemberCircuits(InMemoryCircuitRepository circuits) {
        this.circuits = circuits;
    }

    @Override
    public Set<UUID> circuitsOf(String userId) {
        return circuits.circuitIdsOf(userId);
    }
}
