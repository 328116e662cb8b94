package net.defarm.domain.identity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Password complexity, checked at registration: at least 8 bytes, an uppercase and a lowercase letter, an ASCII
 * digit and a character that is neither letter nor digit. The first rule broken is reported.
 */
public final class PasswordPolicy {

    /** bcrypt ignores everything past 72 bytes; longer passwords would silently lose strength. */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static Optional<String> violation(String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 8) {
            return Optional.of("Password must be at least 8 characters long");
        }
        if (bytes > MAX_BYTES) {
            return Optional.of("Password must be at most " + MAX_BYTES + " bytes long");
        }
        if (password.codePoints().noneMatch(Character::isUpperCase)) {
            return Optional.of("Password must contain at least one uppercase letter");
        }
        if (password.codePoints().noneMatch(Character::isLowerCase)) {
            return Optional.of("Password must contain at least one lowercase letter");
        }
        if (password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("Password must contain at least one digit");
        }
        if (password.codePoints().allMatch(Character::isLetterOrDigit)) {
            return Optional.of("Password must contain at least one special character");
        }
        return Optional.empty();
    }
}
