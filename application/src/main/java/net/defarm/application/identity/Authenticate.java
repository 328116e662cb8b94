package net.defarm.application.identity;

import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Turns a bearer token into the actor of a request. The account is read on every request so that a suspended or
 * deleted user loses access at once, not when the token expires.
 */
@UseCase
public final class Authenticate {

    private final TokenService tokens;
    private final UserAccountRepository users;

    public Authenticate(TokenService tokens, UserAccountRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    public Actor actorFor(String bearerToken) {
        TokenService.TokenClaims claims = tokens.verify(bearerToken);
        UserAccount account = users.findById(claims.userId())
                .orElseThrow(() -> new AuthenticationException("UNKNOWN_USER", "The token's user no longer exists"));
        if (!account.isActive()) {
            throw new PermissionDeniedException("ACCOUNT_" + account.status().name(), account.status().refusal());
        }
        return new Actor(account.userId(), account.workspaceId());
    }
}
