package net.defarm.application.identity;

import java.util.Locale;
import java.util.UUID;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.identity.PasswordPolicy;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Creates an account (Basic tier) and signs the user in; the registration credits are granted by
 * {@link AccountOpening} in the same unit of work, so an account never exists without its opening grant.
 */
@UseCase
public final class RegisterUser {

    public record Command(String username, String email, String password, String workspaceName) {
        @Override
        public String toString() {
            return "RegisterUser.Command[" + username + "]";
        }
    }

    private static final int MAX_NAME = 128;

    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final UnitOfWork uow;
    private final Clock clock;
    private final AccountOpening opening;

    public RegisterUser(UserAccountRepository users, PasswordHasher hasher, TokenService tokens, UnitOfWork uow,
                        Clock clock, AccountOpening opening) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.uow = uow;
        this.clock = clock;
        this.opening = opening;
    }

    public AuthResult register(Command command) {
        String username = required(command.username(), "username").strip();
        String email = required(command.email(), "email").strip().toLowerCase(Locale.ROOT);
        String password = required(command.password(), "password");
        if (username.length() > MAX_NAME) {
            throw new InvalidInputException("username must be at most " + MAX_NAME + " characters");
        }
        if (email.length() > 254 || email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
            throw new InvalidInputException("INVALID_EMAIL", "email must be an address like name@example.com");
        }
        if (command.workspaceName() != null && command.workspaceName().length() > MAX_NAME) {
            throw new InvalidInputException("workspace_name must be at most " + MAX_NAME + " characters");
        }
        PasswordPolicy.violation(password).ifPresent(v -> {
            throw new InvalidInputException("WEAK_PASSWORD", v);
        });
        // Cheap checks first so a taken name does not cost a bcrypt round; the insert re-checks atomically.
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("DUPLICATE_USERNAME", "Username already exists");
        }
        if (users.findByEmail(email).isPresent()) {
            throw new ConflictException("DUPLICATE_EMAIL", "Email already exists");
        }
        String hash = hasher.hash(password);
        UserAccount account = UserAccount.register("user-" + UUID.randomUUID(), username, email, hash,
                command.workspaceName(), clock.now());
        uow.inTransaction(() -> opening.opened(users.insert(account)));
        TokenService.IssuedToken token = tokens.issue(account.userId(), account.workspaceId());
        return new AuthResult(token.token(), account.userId(), account.workspaceId(), token.expiresAt());
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", field + " is required");
        }
        return value;
    }
}
