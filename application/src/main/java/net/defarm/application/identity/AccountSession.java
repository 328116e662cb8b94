package net.defarm.application.identity;

import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditTrail;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.NotFoundException;

/** The signed-in user's own session: their profile, and a fresh token before the current one expires. */
@UseCase
public final class AccountSession {

    private final UserAccountRepository users;
    private final TokenService tokens;

    private final AuditTrail audit;

    public AccountSession(UserAccountRepository users, TokenService tokens, AuditTrail audit) {
        this.audit = audit;
        this.users = users;
        this.tokens = tokens;
    }

    public UserAccount profile(Actor actor) {
        return users.findById(actor.userId())
                .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
    }

    public AuthResult refresh(Actor actor) {
        UserAccount account = profile(actor);
        TokenService.IssuedToken token = tokens.issue(account.userId(), account.workspaceId());
        audit.record(actor, AuditFact.of(AuditEventType.SECURITY, "auth.refresh", "session", null));
        return new AuthResult(token.token(), account.userId(), account.workspaceId(), token.expiresAt());
    }
}
