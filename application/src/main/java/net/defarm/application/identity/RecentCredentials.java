package net.defarm.application.identity;

import java.util.Optional;
import java.util.function.Function;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.access.ApiKey;
import net.defarm.domain.identity.UserAccount;

/**
 * Accounts and API keys that recently let a request in, so that the next requests of the same caller need no
 * database read to be authenticated (ADR 0023). An entry is kept for a short window counted from when its read
 * began (at most one second), so a change made elsewhere (another instance, the command line) is seen within that
 * window; a change made here is forgotten as soon as its transaction has ended ({@link CredentialChanges}).
 *
 * <p>Only what would be accepted is kept: an active account, an active key. A refusal is read again on the next
 * request, so a reactivation or a deletion is seen at once, and nothing absent is remembered.
 */
@OutboundPort
public interface RecentCredentials {

    /** The account of {@code userId}, as kept or else as {@code load} reads it (and then kept if active). */
    Optional<UserAccount> account(String userId, Function<String, Optional<UserAccount>> load);

    /** The key whose text hashes to {@code keyHash}, as kept or else as {@code load} reads it (kept if active). */
    Optional<ApiKey> key(String keyHash, Function<String, Optional<ApiKey>> load);

    /** Drops the kept account; waits for a read of it in progress, whose value is then dropped too. */
    void forgetAccount(String userId);

    /** Drops the kept key; waits for a read of it in progress, whose value is then dropped too. */
    void forgetKey(String keyHash);

    /** Keeps nothing: every request reads its credential (AUTH_FRESHNESS_MS=0, and the application's tests). */
    static RecentCredentials none() {
        return new RecentCredentials() {
            @Override
            public Optional<UserAccount> account(String userId, Function<String, Optional<UserAccount>> load) {
                return load.apply(userId);
            }

            @Override
            public Optional<ApiKey> key(String keyHash, Function<String, Optional<ApiKey>> load) {
                return load.apply(keyHash);
            }

            @Override
            public void forgetAccount(String userId) {
            }

            @Override
            public void forgetKey(String keyHash) {
            }
        };
    }
}
