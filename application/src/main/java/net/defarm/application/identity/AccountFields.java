package net.defarm.application.identity;

import java.util.Locale;
import net.defarm.domain.identity.PasswordPolicy;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.InvalidInputException;

/**
 * The fields of a new account, checked the same way whoever opens it (self-registration, an administrator, the
 * console): a username, an email address, a password that meets the policy, and neither name already taken.
 */
public final class AccountFields {

    private static final int MAX_NAME = 128;

    private AccountFields() {
    }

    /** The username as stored (surrounding spaces removed). */
    public static String username(String value) {
        String username = required(value, "username").strip();
        if (username.length() > MAX_NAME) {
            throw new InvalidInputException("username must be at most " + MAX_NAME + " characters");
        }
        return username;
    }

    /** The email as stored (trimmed, lower case). */
    public static String email(String value) {
        String email = required(value, "email").strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
            throw new InvalidInputException("INVALID_EMAIL", "email must be an address like name@example.com");
        }
        return email;
    }

    public static String password(String value) {
        String password = required(value, "password");
        PasswordPolicy.violation(password).ifPresent(v -> {
            throw new InvalidInputException("WEAK_PASSWORD", v);
        });
        return password;
    }

    /** An optional name (workspace) bounded like a username. */
    public static String optionalName(String value, String field) {
        if (value != null && value.length() > MAX_NAME) {
            throw new InvalidInputException(field + " must be at most " + MAX_NAME + " characters");
        }
        return value;
    }

    /** Refuses a taken username or email before a bcrypt round is spent; the insert re-checks atomically. */
    public static void requireFree(UserAccountRepository users, String username, String email) {
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("DUPLICATE_USERNAME", "Username already exists");
        }
        if (users.findByEmail(email).isPresent()) {
            throw new ConflictException("DUPLICATE_EMAIL", "Email already exists");
        }
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("MISSING_FIELD", field + " is required");
        }
        return value;
    }
}
