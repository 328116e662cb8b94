package net.defarm.application.events;

import java.util.Set;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;

/** The circuits a user belongs to (owner or member): their circuit-only events are visible to that user. */
@OutboundPort
public interface MemberCircuits {

    /** At most this many circuits are considered per reader. */
    int MAX = 10_000;

    Set<UUID> circuitsOf(String userId);
}
