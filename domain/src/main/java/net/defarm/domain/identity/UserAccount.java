package net.defarm.domain.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A person or organization using the service. The password is only ever held as a bcrypt hash. */
public record UserAccount(
        String userId,
        String username,
        String email,
        String passwordHash,
        UserTier tier,
        AccountStatus status,
        long credits,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLogin,
        boolean admin,
        String workspaceId,
        List<String> availableAdapters,
        long version) {

    /** Credits granted on registration (a Grant in the credit ledger, written with the account). */
    public static final long REGISTRATION_CREDITS = 100;

    public UserAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(status, "status");
        availableAdapters = availableAdapters == null ? null : List.copyOf(availableAdapters);
    }

    /**
     * A new self-registered account: Basic tier, active, opened with no credits. Credits only ever arrive through
     * the credit ledger, which records the registration grant in the same unit of work.
     */
    public static UserAccount register(String userId, String username, String email, String passwordHash,
                                       String workspaceName, Instant now) {
        String workspace = (workspaceName == null || workspaceName.isBlank() ? username : workspaceName) + "-workspace";
        return new UserAccount(userId, username, email, passwordHash, UserTier.BASIC, AccountStatus.ACTIVE,
                0, now, now, null, false, workspace, null, 0);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public UserAccount atVersion(long storedVersion) {
        return new UserAccount(userId, username, email, passwordHash, tier, status, credits, createdAt, updatedAt,
                lastLogin, admin, workspaceId, availableAdapters, storedVersion);
    }

    @Override
    public String toString() {
        // Never let a password hash reach a log line through toString().
        return "UserAccount[" + userId + ", " + username + ", " + status.display() + "]";
    }
}
