package net.defarm.domain.backends;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.shared.InvalidInputException;

/**
 * An administrator's configuration of a storage adapter's backend (endpoint, credentials, contracts). At most one
 * configuration is the default, and only an active one can be.
 */
public record AdapterConfig(UUID configId, String name, String description, AdapterType adapterType,
                            ConnectionDetails connection, ContractConfigs contractConfigs, boolean active,
                            boolean isDefault, String createdBy, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;

    public AdapterConfig {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(adapterType, "adapterType");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidInputException("INVALID_FIELD", "name is required (at most " + MAX_NAME
                    + " characters)");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("INVALID_FIELD", "description holds at most " + MAX_DESCRIPTION
                    + " characters");
        }
        if (adapterType.equals(AdapterType.NONE)) {
            throw new InvalidInputException("INVALID_FIELD", "adapter_type none needs no configuration");
        }
        name = name.strip();
        isDefault = isDefault && active;
    }

    public AdapterConfig changed(String newName, String newDescription, ConnectionDetails newConnection,
                                 ContractConfigs newContracts, boolean newActive, Instant now) {
        return new AdapterConfig(configId, newName, newDescription, adapterType, newConnection, newContracts,
                newActive, isDefault, createdBy, createdAt, now);
    }
}
