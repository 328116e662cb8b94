package net.defarm.application.items;

import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;

/** Which DFID a local item (LID) became when it was tokenized. */
@OutboundPort
public interface LidMappingRepository {

    Optional<String> findDfid(UUID lid);

    /** Records the mapping; binding the same pair again is a no-op, to another DFID a ConflictException. */
    void bind(UUID lid, String dfid);
}
