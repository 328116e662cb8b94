package net.defarm.application.storage;

import java.util.Objects;
import java.util.UUID;

/** A local item (LID) and the DFID it became: stored by the LID mapping port, moved as a record on export. */
public record LidMapping(UUID lid, String dfid) {

    public LidMapping {
        Objects.requireNonNull(lid, "lid");
        Objects.requireNonNull(dfid, "dfid");
    }
}
