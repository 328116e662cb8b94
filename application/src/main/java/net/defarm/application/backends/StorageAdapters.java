package net.defarm.application.backends;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.backends.AdapterCatalog;
import net.defarm.domain.backends.AdapterConfig;
import net.defarm.domain.circuits.AdapterAccess;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * The storage adapters a user may use (an administrator's per-user list, else the tier's defaults), the checking
 * of a choice against them, the static templates, and each adapter's configuration and backend health.
 */
@UseCase
public final class StorageAdapters {

    /** The caller's adapters; {@code custom}: an administrator set the list instead of the tier's defaults. */
    public record Listing(UserAccount user, boolean custom, List<AdapterCatalog.Entry> adapters) {
    }

    /** A choice found available to the caller (nothing is stored: circuits carry their own adapter). */
    public record Selection(String userId, AdapterCatalog.Entry adapter, Instant checkedAt) {
    }

    /** What this deployment has for an adapter: active configurations, the default, the backends. */
    public record Status(AdapterCatalog.Entry adapter, int activeConfigurations, Optional<UUID> defaultConfig,
                         List<BackendCheck> backends) {
    }

    public record Health(AdapterCatalog.Entry adapter, boolean healthy, String problem,
                         List<BackendCheck> backends, Instant checkedAt) {
    }

    private static final int STATUS_SCAN = 100;

    private final UserAccountRepository users;
    private final AdapterConfigRepository configs;
    private final StorageBackends backends;
    private final Clock clock;

    public StorageAdapters(UserAccountRepository users, AdapterConfigRepository configs, StorageBackends backends,
                           Clock clock) {
        this.users = users;
        this.configs = configs;
        this.backends = backends;
        this.clock = clock;
    }

    public Listing list(Actor actor) {
        UserAccount user = account(actor);
        return new Listing(user, user.availableAdapters() != null,
                AdapterAccess.held(user).stream().map(StorageAdapters::describe).toList());
    }

    /** 200 when the adapter is available to the caller, 403 (naming the available ones) when it is not. */
    public Selection select(Actor actor, String adapterType) {
        if (adapterType == null) {
            throw new InvalidInputException("MISSING_FIELD", "adapter_type is required");
        }
        AdapterType type = parse(adapterType);
        List<AdapterType> held = AdapterAccess.held(account(actor));
        if (!held.contains(type)) {
            throw new PermissionDeniedException("ADAPTER_NOT_AVAILABLE", "Adapter not available for your account; "
                    + "available: " + held.stream().map(AdapterType::wireName).toList());
        }
        return new Selection(actor.userId(), describe(type), clock.now());
    }

    public List<AdapterCatalog.Template> templates() {
        return AdapterCatalog.templates();
    }

    public Status status(String adapterType) {
        AdapterCatalog.Entry adapter = describe(parse(adapterType));
        List<AdapterConfig> active = configs.findActive(adapter.type(), STATUS_SCAN);
        return new Status(adapter, active.size(), active.stream().filter(AdapterConfig::isDefault)
                .map(AdapterConfig::configId).findFirst(), backends.check(adapter));
    }

    /** Healthy when every backend the adapter needs is configured and answers now. */
    public Health health(String adapterType) {
        AdapterCatalog.Entry adapter = describe(parse(adapterType));
        List<BackendCheck> checks = backends.check(adapter);
        Optional<BackendCheck> failing = checks.stream().filter(c -> !c.healthy()).findFirst();
        return new Health(adapter, failing.isEmpty(), failing.map(c -> c.backend() + ": " + c.detail()).orElse(null),
                checks, clock.now());
    }

    /** A known adapter type (the wire form or the variant name), else 400; {@code none} is not an adapter. */
    static AdapterType parse(String adapterType) {
        AdapterType type = AdapterType.parse(adapterType).filter(t -> !t.equals(AdapterType.NONE))
                .orElseThrow(() -> new InvalidInputException("INVALID_ADAPTER_TYPE", "Unknown adapter type"));
        return type;
    }

    private static AdapterCatalog.Entry describe(AdapterType type) {
        return AdapterCatalog.entry(type).orElseGet(() -> new AdapterCatalog.Entry(type,
                "Custom adapter " + type.wireName(), type.wireName(), type.wireName(), false));
    }

    private UserAccount account(Actor actor) {
        return users.findById(actor.userId())
                .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
    }
}
