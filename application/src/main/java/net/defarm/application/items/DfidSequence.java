package net.defarm.application.items;

import net.defarm.application.shared.OutboundPort;

/**
 * The DFID counter. Shared by every instance of the service (a database sequence outside memory mode), so DFIDs
 * stay unique across restarts and concurrent instances. Values may have gaps, never repeats.
 */
@OutboundPort
public interface DfidSequence {
    long next();

    /** Never hands out a value at or below {@code used} again (after items were imported with their DFIDs). */
    void advancePast(long used);
}
