package net.defarm.application.backends;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.backends.AdapterConfig;
import net.defarm.domain.circuits.AdapterType;

/** Administrators' adapter configurations; secrets arrive and leave sealed. Names are unique. */
@OutboundPort
public interface AdapterConfigRepository {

    /** A name already taken is a ConflictException. */
    void insert(AdapterConfig config);

    Optional<AdapterConfig> findById(UUID configId);

    /**
     * Writes every field but id, type, creation and the default flag (only {@link #setDefault} moves it, so an edit
     * made from an earlier read cannot undo a default set meanwhile); false if the configuration is gone.
     */
    boolean update(AdapterConfig config);

    /** Removes the row for good; false if there was none. */
    boolean delete(UUID configId);

    /** Makes this configuration the only default; false (and nothing changed) if it does not exist. */
    boolean setDefault(UUID configId);

    /** Oldest first, after ({@code afterAt}, {@code afterId}) when both are given, at most {@code limit}. */
    List<AdapterConfig> find(boolean activeOnly, Instant afterAt, UUID afterId, int limit);

    /** Active configurations of one adapter type, oldest first, at most {@code limit}. */
    List<AdapterConfig> findActive(AdapterType type, int limit);
}
