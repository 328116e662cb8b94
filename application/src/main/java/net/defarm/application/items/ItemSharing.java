package net.defarm.application.items;

import net.defarm.application.shared.OutboundPort;

/** Whether an item is shared with a user: it sits in a circuit the user belongs to. */
@OutboundPort
public interface ItemSharing {
    boolean isSharedWith(String dfid, String userId);
}
