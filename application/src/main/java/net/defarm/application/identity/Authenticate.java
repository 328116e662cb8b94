package net.defarm.application.identity;

import java.time.Instant;
import net.defarm.application.identity.ApiKeyRepository;
import net.defarm.application.identity.ApiKeys;
import net.defarm.application.identity.RateLimitExceededException;
import net.defarm.application.identity.RateLimiter;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.KeyScope;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Turns a credential into the actor of a request: a bearer token (JWT) or an API key. The account (and the key) is
 * checked on every request, so a suspended or deleted user, a reset password or a revoked key loses access long
 * before the token expires: at once on the instance that made the change, within the freshness window of
 * {@link RecentCredentials} (at most one second) on the others. The key's hourly limit is counted on every request.
 */
@UseCase
public final class Authenticate {

    /** What a key is checked against besides itself: the request's method, path and client address. */
    public record KeyedRequest(String method, String path, String clientAddress) {
    }

    /** The ports key authentication needs; absent, API keys are refused. */
    public record KeyPorts(ApiKeyRepository keys, RateLimiter limiter, Clock clock) {
    }

    private final TokenService tokens;
    private final UserAccountRepository users;
    private final KeyPorts keyPorts;
    private final RecentCredentials recent;

    public Authenticate(TokenService tokens, UserAccountRepository users) {
        this(tokens, users, null);
    }

    public Authenticate(TokenService tokens, UserAccountRepository users, KeyPorts keyPorts) {
        this(tokens, users, keyPorts, RecentCredentials.none());
    }

    /** {@code recent}: accounts and keys read by recent requests (their writers must forget them: CredentialChanges). */
    public Authenticate(TokenService tokens, UserAccountRepository users, KeyPorts keyPorts,
                        RecentCredentials recent) {
        this.tokens = tokens;
        this.users = users;
        this.keyPorts = keyPorts;
        this.recent = recent;
    }

    public Actor actorFor(String bearerToken) {
        TokenService.TokenClaims claims = tokens.verify(bearerToken);
        UserAccount account = activeAccount(claims.userId(), "The token's user no longer exists");
        if (!account.acceptsSessionIssuedAt(claims.issuedAt())) {
            // The password was reset after this token was issued: every earlier session has ended.
            throw new AuthenticationException("SESSION_ENDED", "This session has ended; please log in again");
        }
        return new Actor(account.userId(), account.workspaceId());
    }

    /**
     * The owner of an API key, for one request: the key must exist, be active and unexpired; the request must be
     * within its permissions, allowed paths and addresses; then it is counted against the key's hourly limit.
     */
    public Actor actorForKey(String apiKey, KeyedRequest request) {
        if (keyPorts == null) {
            throw new AuthenticationException("INVALID_API_KEY", "API keys are not accepted here");
        }
        ApiKey key = recent.key(ApiKeys.hash(apiKey), keyPorts.keys()::findByHash).orElseThrow(() -> new AuthenticationException(
                "INVALID_API_KEY", "The provided API key is invalid or has been revoked"));
        Instant now = keyPorts.clock().now();
        if (!key.active()) {
            throw new AuthenticationException("API_KEY_INACTIVE", "This API key has been deactivated");
        }
        if (key.expired(now)) {
            throw new AuthenticationException("API_KEY_EXPIRED", "This API key has expired");
        }
        UserAccount owner = activeAccount(key.ownerId(), "The key's owner no longer exists");
        if (!key.allowsAddress(request.clientAddress())) {
            throw new PermissionDeniedException("IP_NOT_ALLOWED",
                    "Your IP address is not authorized to use this API key");
        }
        if (!key.allowsPath(request.path())) {
            throw new PermissionDeniedException("ENDPOINT_NOT_ALLOWED",
                    "This API key is not authorized to access this endpoint");
        }
        if (!key.permissions().allows(request.method(), request.path())) {
            throw new PermissionDeniedException("INSUFFICIENT_KEY_PERMISSIONS", "This API key does not allow "
                    + request.method() + " on this route (permissions: read = GET/HEAD, write = changes, "
                    + "admin = /api/admin)");
        }
        RateLimiter.Decision decision = keyPorts.limiter().check(key.id(), key.rateLimitPerHour(), now);
        if (!decision.allowed()) {
            throw new RateLimitExceededException(decision, now);
        }
        return new Actor(owner.userId(), owner.workspaceId(), new KeyScope(key.id(), key.permissions(),
                decision.limit(), decision.remaining(), decision.resetAt().getEpochSecond()));
    }

    private UserAccount activeAccount(String userId, String missing) {
        UserAccount account = recent.account(userId, users::findById)
                .orElseThrow(() -> new AuthenticationException("UNKNOWN_USER", missing));
        if (!account.isActive()) {
            throw new PermissionDeniedException("ACCOUNT_" + account.status().name(), account.status().refusal());
        }
        return account;
    }
}
