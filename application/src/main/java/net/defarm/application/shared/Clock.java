package net.defarm.application.shared;

import java.time.Instant;

/** The current time, truncated to microseconds so that every store keeps exactly what it was given. */
@OutboundPort
public interface Clock {
    Instant now();
}
