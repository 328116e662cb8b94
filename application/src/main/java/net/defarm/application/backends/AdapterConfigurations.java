package net.defarm.application.backends;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.defarm.application.admin.AdminGate;
import net.defarm.application.delivery.SecretBox;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.backends.AdapterConfig;
import net.defarm.domain.backends.ConnectionDetails;
import net.defarm.domain.backends.ContractConfigs;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;

/**
 * Administrators manage the adapter configurations (endpoints, credentials, contracts). Only active administrators
 * may ({@link AdminGate}: 403 for everyone else; through an API key, the key must hold the admin permission too).
 * Credentials are sealed with the service's key before they are stored and are never handed back.
 */
@UseCase
public final class AdapterConfigurations {

    /** Connection settings as the administrator sends them; secrets in plain text, only on their way in. */
    public record ConnectionInput(String endpoint, String apiKey, String secretKey, String authType, Integer timeoutMs,
                                  Integer retryAttempts, Integer maxConcurrentRequests,
                                  Map<String, String> customHeaders) {
        @Override
        public String toString() {
            return "ConnectionInput[" + endpoint + ", " + authType + "]";
        }
    }

    public record Create(String name, String description, String adapterType, ConnectionInput connection,
                         ContractConfigs contracts) {
    }

    /** Null fields keep what is stored; an empty api_key or secret_key removes it; custom_headers replace all. */
    public record Update(String name, String description, ConnectionInput connection, ContractConfigs contracts,
                         Boolean active) {
    }

    private final AdapterConfigRepository configs;
    private final AdminGate gate;
    private final SecretBox secrets;
    private final UnitOfWork uow;
    private final Clock clock;

    public AdapterConfigurations(AdapterConfigRepository configs, UserAccountRepository users, SecretBox secrets,
                                 UnitOfWork uow, Clock clock) {
        this.configs = configs;
        this.gate = new AdminGate(users);
        this.secrets = secrets;
        this.uow = uow;
        this.clock = clock;
    }

    public Page<AdapterConfig> list(Actor actor, boolean activeOnly, PageRequest page) {
        gate.require(actor);
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode("adapter-configs", page.cursor(), 2);
            afterAt = Cursor.instantFromMicros(parts.get(0));
            try {
                afterId = UUID.fromString(parts.get(1));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
            }
        }
        return Page.of(configs.find(activeOnly, afterAt, afterId, page.limit() + 1), page.limit(),
                c -> Cursor.encode("adapter-configs", Cursor.micros(c.createdAt()), c.configId().toString()));
    }

    public AdapterConfig create(Actor actor, Create c) {
        gate.require(actor);
        if (c.adapterType() == null || c.connection() == null) {
            throw new InvalidInputException("MISSING_FIELD", "adapter_type and connection_details are required");
        }
        AdapterType type = StorageAdapters.parse(c.adapterType());
        Instant now = clock.now();
        AdapterConfig config = new AdapterConfig(UUID.randomUUID(), c.name(), c.description(), type,
                connection(c.connection(), null), contracts(c.contracts()), true, false, actor.userId(), now, now);
        uow.inTransaction(() -> configs.insert(config));
        return config;
    }

    public AdapterConfig get(Actor actor, UUID id) {
        gate.require(actor);
        return found(id);
    }

    public AdapterConfig update(Actor actor, UUID id, Update u) {
        gate.require(actor);
        return uow.inTransaction(() -> {
            AdapterConfig current = found(id);
            AdapterConfig changed = current.changed(u.name() == null ? current.name() : u.name(),
                    u.description() == null ? current.description() : u.description(),
                    u.connection() == null ? current.connection() : connection(u.connection(), current.connection()),
                    u.contracts() == null ? current.contractConfigs() : contracts(u.contracts()),
                    u.active() == null ? current.active() : u.active(), clock.now());
            if (!configs.update(changed)) {
                throw notFound();
            }
            return changed;
        });
    }

    /** Deletes for good; the default configuration is refused (choose another default first). */
    public void delete(Actor actor, UUID id) {
        gate.require(actor);
        uow.inTransaction(() -> {
            if (found(id).isDefault()) {
                throw new ConflictException("DEFAULT_ADAPTER_CONFIG",
                        "The default adapter configuration cannot be deleted; set another default first");
            }
            if (!configs.delete(id)) {
                throw notFound();
            }
        });
    }

    public AdapterConfig setDefault(Actor actor, UUID id) {
        gate.require(actor);
        return uow.inTransaction(() -> {
            if (!found(id).active()) {
                throw new ConflictException("INACTIVE_ADAPTER_CONFIG",
                        "An inactive adapter configuration cannot be the default");
            }
            if (!configs.setDefault(id)) {
                throw notFound();
            }
            return found(id);
        });
    }

    private AdapterConfig found(UUID id) {
        return configs.findById(id).orElseThrow(AdapterConfigurations::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("ADAPTER_CONFIG_NOT_FOUND", "Adapter configuration not found");
    }

    /** Seals the secrets given; with {@code stored}, absent secrets keep the stored ones and empty ones drop them. */
    private ConnectionDetails connection(ConnectionInput in, ConnectionDetails stored) {
        checkEndpoint(in.endpoint() == null && stored != null ? stored.endpoint() : in.endpoint());
        Map<String, String> headers;
        if (in.customHeaders() == null) {
            headers = stored == null ? Map.of() : stored.sealedHeaders();
        } else {
            headers = new LinkedHashMap<>();
            for (Map.Entry<String, String> h : in.customHeaders().entrySet()) {
                if (h.getValue() == null) {
                    throw new InvalidInputException("INVALID_FIELD", "custom_headers values must be texts");
                }
                headers.put(h.getKey(), secrets.seal(h.getValue()));
            }
        }
        return new ConnectionDetails(
                in.endpoint() == null && stored != null ? stored.endpoint() : strip(in.endpoint()),
                in.authType() == null ? (stored == null ? "None" : stored.authType()) : in.authType(),
                pick(in.timeoutMs(), stored == null ? 30_000 : stored.timeoutMs()),
                pick(in.retryAttempts(), stored == null ? 3 : stored.retryAttempts()),
                pick(in.maxConcurrentRequests(), stored == null ? 10 : stored.maxConcurrentRequests()),
                secret(in.apiKey(), stored == null ? null : stored.sealedApiKey()),
                secret(in.secretKey(), stored == null ? null : stored.sealedSecretKey()), headers).validated();
    }

    private String secret(String plain, String stored) {
        if (plain == null) {
            return stored;
        }
        return plain.isEmpty() ? null : secrets.seal(plain);
    }

    private static int pick(Integer given, int otherwise) {
        return given == null ? otherwise : given;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static ContractConfigs contracts(ContractConfigs given) {
        return given == null ? null : given.validated();
    }

    /**
     * The endpoint's syntax: an absolute http(s) URL naming a host, without credentials. Where the host resolves
     * is not checked here (a backend may be configured before it is reachable); this build calls no configured
     * endpoint, and the adapter that will must pass it through the SSRF guard first (docs/api-compatibility.md).
     */
    static void checkEndpoint(String url) {
        if (url == null || url.isBlank() || url.length() > ConnectionDetails.MAX_ENDPOINT) {
            throw new InvalidInputException("INVALID_ENDPOINT", "connection_details.endpoint must be a URL of at "
                    + "most " + ConnectionDetails.MAX_ENDPOINT + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("INVALID_ENDPOINT", "connection_details.endpoint is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("INVALID_ENDPOINT", "connection_details.endpoint must be an http or "
                    + "https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInputException("INVALID_ENDPOINT", "connection_details.endpoint must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("INVALID_ENDPOINT",
                    "connection_details.endpoint must not carry credentials (use api_key and secret_key)");
        }
    }
}
