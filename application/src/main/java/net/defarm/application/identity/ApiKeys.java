package net.defarm.application.identity;

import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditTrail;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditSeverity;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.access.ApiKeyPermissions;
import net.defarm.domain.access.OrganizationType;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.Hashes;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Issuing and managing API keys. Only a password session manages keys (a key cannot create or change keys), and
 * only its owner sees a key: another user's key answers as if it did not exist.
 */
@UseCase
public final class ApiKeys {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_DAYS = 366;

    public record Create(String name, String organizationType, String organizationId, ApiKeyPermissions permissions,
                         List<String> allowedEndpoints, Integer rateLimitPerHour, Long expiresInDays, String notes,
                         List<String> allowedIps) {
    }

    public record Update(String name, ApiKeyPermissions permissions, Boolean active, Integer rateLimitPerHour,
                         String notes) {
    }

    /** A new key: the only time its full text exists outside the caller. */
    public record Created(String plaintext, ApiKey key) {
        @Override
        public String toString() {
            return "Created[" + key + "]";
        }
    }

    public record Usage(long totalRequests, long successfulRequests, long failedRequests, double avgResponseTimeMs,
                        Instant lastUsedAt, List<KeyDailyUsage> daily) {
    }

    private final ApiKeyRepository keys;
    private final UserAccountRepository users;
    private final KeyUsage usage;
    private final UnitOfWork uow;
    private final Clock clock;
    private final int defaultRateLimit;
    private final SecureRandom random = new SecureRandom();
    private final AuditTrail audit;

    public ApiKeys(ApiKeyRepository keys, UserAccountRepository users, KeyUsage usage, UnitOfWork uow, Clock clock,
                   int defaultRateLimit, AuditTrail audit) {
        this.audit = audit;
        this.keys = keys;
        this.users = users;
        this.usage = usage;
        this.uow = uow;
        this.clock = clock;
        this.defaultRateLimit = defaultRateLimit;
    }

    private static AuditFact keyFact(String action, UUID id) {
        return AuditFact.of(AuditEventType.SECURITY, action, "api_key", id.toString()).severity(AuditSeverity.MEDIUM);
    }

    /** The hash under which a key's full text is stored and looked up. */
    public static String hash(String plaintext) {
        return Hashes.blake3Hex(plaintext);
    }

    public Created create(Actor actor, Create c) {
        UserAccount owner = sessionOwner(actor);
        String name = c.name() == null ? "" : c.name().strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("MISSING_FIELD", "name is required");
        }
        if (c.organizationType() == null) {
            throw new InvalidInputException("MISSING_FIELD", "organization_type is required");
        }
        OrganizationType type = OrganizationType.parse(c.organizationType());
        if (c.organizationId() != null && !c.organizationId().matches(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new InvalidInputException("INVALID_FIELD", "organization_id must be a UUID");
        }
        ApiKeyPermissions permissions = c.permissions() == null ? ApiKeyPermissions.readOnly() : c.permissions();
        if (permissions.admin() && !owner.admin()) {
            throw new PermissionDeniedException("ADMIN_REQUIRED",
                    "Only administrators can create API keys with admin permissions");
        }
        Instant now = clock.now();
        Instant expires = c.expiresInDays() == null ? null : now.plus(Duration.ofDays(
                Math.max(-36_500, Math.min(36_500, c.expiresInDays()))));
        String plaintext = newKeyText();
        ApiKey key = new ApiKey(UUID.randomUUID(), owner.userId(), name, plaintext.substring(0, ApiKey.DISPLAY_LENGTH),
                hash(plaintext), type, c.organizationId(), permissions, paths(c.allowedEndpoints()),
                addresses(c.allowedIps()), rateLimit(c.rateLimitPerHour() == null ? defaultRateLimit
                        : c.rateLimitPerHour()), c.notes(), true, now, expires, null, 0);
        uow.inTransaction(() -> {
            keys.insert(key);
            audit.record(actor, keyFact("api_key.create", key.id()));
        });
        return new Created(plaintext, key);
    }

    public List<ApiKey> list(Actor actor, boolean includeInactive) {
        sessionOwner(actor);
        return keys.findByOwner(actor.userId(), includeInactive);
    }

    public ApiKey get(Actor actor, UUID id) {
        sessionOwner(actor);
        return owned(actor, id);
    }

    public ApiKey update(Actor actor, UUID id, Update u) {
        UserAccount owner = sessionOwner(actor);
        return uow.inTransaction(() -> {
            ApiKey key = owned(actor, id);
            ApiKeyPermissions permissions = u.permissions() == null ? key.permissions() : u.permissions();
            if (permissions.admin() && !key.permissions().admin() && !owner.admin()) {
                throw new PermissionDeniedException("ADMIN_REQUIRED",
                        "Only administrators can grant admin permissions to API keys");
            }
            String name = u.name() == null ? key.name() : u.name().strip();
            if (name.isEmpty()) {
                throw new InvalidInputException("INVALID_FIELD", "name must not be empty");
            }
            ApiKey changed = key.with(name, permissions, u.active() == null ? key.active() : u.active(),
                    u.rateLimitPerHour() == null ? key.rateLimitPerHour() : rateLimit(u.rateLimitPerHour()),
                    u.notes() == null ? key.notes() : u.notes());
            if (!keys.update(changed)) {
                throw notFound();
            }
            audit.record(actor, keyFact(key.active() && !changed.active() ? "api_key.revoke" : "api_key.update",
                    id));
            return changed;
        });
    }

    public ApiKey revoke(Actor actor, UUID id) {
        return update(actor, id, new Update(null, null, false, null, null));
    }

    public void delete(Actor actor, UUID id) {
        sessionOwner(actor);
        uow.inTransaction(() -> {
            owned(actor, id);
            if (!keys.delete(id)) {
                throw notFound();
            }
            audit.record(actor, keyFact("api_key.delete", id));
        });
    }

    /** Stored usage plus this instance's unflushed counts, over the last {@code days} days (today included). */
    public Usage usage(Actor actor, UUID id, int days) {
        sessionOwner(actor);
        ApiKey key = owned(actor, id);
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("INVALID_QUERY", "days must be between 1 and " + MAX_DAYS);
        }
        LocalDate from = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).minusDays(days - 1L);
        Map<LocalDate, KeyDailyUsage> byDay = new TreeMap<>();
        List<KeyDailyUsage> rows = new ArrayList<>(keys.dailyUsage(id, from));
        rows.addAll(usage.unflushed(id).stream().filter(d -> !d.day().isBefore(from)).toList());
        for (KeyDailyUsage d : rows) {
            byDay.merge(d.day(), d, (a, b) -> new KeyDailyUsage(a.day(), a.requests() + b.requests(),
                    a.errors() + b.errors(), a.latencyMillis() + b.latencyMillis()));
        }
        long total = byDay.values().stream().mapToLong(KeyDailyUsage::requests).sum();
        long errors = byDay.values().stream().mapToLong(KeyDailyUsage::errors).sum();
        long latency = byDay.values().stream().mapToLong(KeyDailyUsage::latencyMillis).sum();
        Instant local = usage.unflushedLastUse(id);
        Instant last = key.lastUsedAt() == null || (local != null && local.isAfter(key.lastUsedAt())) ? local
                : key.lastUsedAt();
        return new Usage(total, total - errors, errors, total == 0 ? 0 : (double) latency / total, last,
                List.copyOf(byDay.values()));
    }

    /** The caller's account, refusing a key-authenticated caller: keys are managed with a password session. */
    private UserAccount sessionOwner(Actor actor) {
        if (actor.keyScope().isPresent()) {
            throw new PermissionDeniedException("PASSWORD_SESSION_REQUIRED",
                    "API keys are managed with a password session, not with an API key");
        }
        return users.findById(actor.userId())
                .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User account not found"));
    }

    private ApiKey owned(Actor actor, UUID id) {
        return keys.findById(id).filter(k -> k.ownerId().equals(actor.userId())).orElseThrow(ApiKeys::notFound);
    }

    /** The same answer for a key that does not exist and for another user's key. */
    private static NotFoundException notFound() {
        return new NotFoundException("API_KEY_NOT_FOUND", "API key not found");
    }

    private String newKeyText() {
        StringBuilder s = new StringBuilder(ApiKey.PREFIX);
        for (int i = 0; i < ApiKey.RANDOM_LENGTH; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static int rateLimit(int value) {
        if (value < 0) {
            throw new InvalidInputException("INVALID_FIELD", "rate_limit_per_hour must not be negative");
        }
        return value;
    }

    private static List<String> paths(List<String> endpoints) {
        List<String> out = endpoints == null ? List.of() : endpoints;
        for (String p : out) {
            if (p == null || !p.startsWith("/") || p.length() > 512) {
                throw new InvalidInputException("INVALID_FIELD", "allowed_endpoints entries must be paths starting "
                        + "with '/'");
            }
        }
        return out;
    }

    private static List<String> addresses(List<String> ips) {
        List<String> out = ips == null ? List.of() : ips.stream().map(ip -> ip == null ? "" : ip.strip()).toList();
        for (String ip : out) {
            if (!ip.matches("[0-9A-Fa-f:.]{2,45}")) {
                throw new InvalidInputException("INVALID_FIELD", "allowed_ips entries must be IP addresses");
            }
        }
        return out;
    }
}
