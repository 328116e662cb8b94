package net.defarm.application.identity;

import java.util.Optional;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Exchanges a username and password for a token. Unknown user and wrong password are indistinguishable; with a
 * {@link LoginThrottle}, attempts are limited per client address and failures per account.
 */
@UseCase
public final class LogIn {

    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private volatile String decoyHash;

    public LogIn(UserAccountRepository users, PasswordHasher hasher, TokenService tokens) {
        this(users, hasher, tokens, null);
    }

    /** {@code throttle} null: no limits. */
    public LogIn(UserAccountRepository users, PasswordHasher hasher, TokenService tokens, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public AuthResult logIn(String username, String password) {
        return logIn(username, password, null);
    }

    /** {@code clientAddress} (null when unknown) is what per-address throttling counts. */
    public AuthResult logIn(String username, String password, String clientAddress) {
        RegisterUser.required(username, "username");
        RegisterUser.required(password, "password");
        if (throttle != null) {
            throttle.admit(username, clientAddress);
        }
        Optional<UserAccount> found = users.findByUsername(username.strip());
        boolean matches = hasher.matches(password, found.map(UserAccount::passwordHash).orElseGet(this::decoyHash));
        if (found.isEmpty() || !matches) {
            if (throttle != null) {
                throttle.failed(username);
            }
            throw new AuthenticationException("INVALID_CREDENTIALS", "Invalid credentials");
        }
        if (throttle != null) {
            throttle.cleared(username);
        }
        UserAccount account = found.get();
        if (!account.isActive()) {
            throw new PermissionDeniedException("ACCOUNT_" + account.status().name(), account.status().refusal());
        }
        TokenService.IssuedToken token = tokens.issue(account.userId(), account.workspaceId());
        return new AuthResult(token.token(), account.userId(), account.workspaceId(), token.expiresAt());
    }

    /**
     * Unknown users are checked against a decoy hash so the response time does not reveal who has an account.
     * Made on first need rather than at start-up, where a bcrypt round would slow every cold start.
     */
    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.hash("decoy-password-never-matches");
            decoyHash = decoy;
        }
        return decoy;
    }
}
