package net.defarm.domain.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person or organization using the service. The password is only ever held as a bcrypt hash.
 * {@code sessionsValidFrom} ends every session issued before it (set when the password is reset or the account is
 * frozen); null: none ended.
 */
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
        long version,
        Instant sessionsValidFrom) {

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

    /** An account none of whose sessions was ended. */
    public UserAccount(String userId, String username, String email, String passwordHash, UserTier tier,
                       AccountStatus status, long credits, Instant createdAt, Instant updatedAt, Instant lastLogin,
                       boolean admin, String workspaceId, List<String> availableAdapters, long version) {
        this(userId, username, email, passwordHash, tier, status, credits, createdAt, updatedAt, lastLogin, admin,
                workspaceId, availableAdapters, version, null);
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

    /**
     * An account an administrator opens: the tier they chose, never an administrator itself (that takes a separate,
     * recorded change), opened with no credits: opening credits are a Grant in the credit ledger, written with it.
     * {@code workspaceId} defaults to {@code <username>-workspace}.
     */
    public static UserAccount openedByAdministrator(String userId, String username, String email, String passwordHash,
                                                    UserTier tier, String workspaceId, Instant now) {
        String workspace = workspaceId == null || workspaceId.isBlank() ? username + "-workspace" : workspaceId;
        return new UserAccount(userId, username, email, passwordHash, tier, AccountStatus.ACTIVE, 0, now, now,
                null, false, workspace, null, 0);
    }

    /**
     * A copy with what an administrator may change (tier, status, the admin flag, the adapter override). Moving the
     * account into a status that refuses it (frozen, banned, ...) also ends its sessions, as a password reset does:
     * lifting the status later does not bring back tokens issued before, which may be why it was frozen.
     */
    public UserAccount administered(UserTier newTier, AccountStatus newStatus, boolean newAdmin,
                                    List<String> newAdapters, Instant now) {
        boolean ends = newStatus != status && newStatus != AccountStatus.ACTIVE;
        return new UserAccount(userId, username, email, passwordHash, newTier, newStatus, credits, createdAt, now,
                lastLogin, newAdmin, workspaceId, newAdapters, version, ends ? now : sessionsValidFrom);
    }

    /** A copy that records a successful sign-in. */
    public UserAccount withLastLogin(Instant at) {
        return new UserAccount(userId, username, email, passwordHash, tier, status, credits, createdAt, updatedAt,
                at, admin, workspaceId, availableAdapters, version, sessionsValidFrom);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public UserAccount atVersion(long storedVersion) {
        return new UserAccount(userId, username, email, passwordHash, tier, status, credits, createdAt, updatedAt,
                lastLogin, admin, workspaceId, availableAdapters, storedVersion, sessionsValidFrom);
    }

    /**
     * The account with a new password hash; every session issued before {@code now} ends. Tokens carry their issue
     * time to the microsecond, as the clock and the stores keep instants, so a session opened right after the reset
     * stays valid and one opened in the same second before it does not.
     */
    public UserAccount withNewPassword(String newHash, Instant now) {
        return new UserAccount(userId, username, email, newHash, tier, status, credits, createdAt, now, lastLogin,
                admin, workspaceId, availableAdapters, version, now);
    }

    /** Whether a session (token) issued at {@code issuedAt} is still valid for this account. */
    public boolean acceptsSessionIssuedAt(Instant issuedAt) {
        return sessionsValidFrom == null || (issuedAt != null && !issuedAt.isBefore(sessionsValidFrom));
    }

    @Override
    public String toString() {
        // Never let a password hash reach a log line through toString().
        return "UserAccount[" + userId + ", " + username + ", " + status.display() + "]";
    }
}
