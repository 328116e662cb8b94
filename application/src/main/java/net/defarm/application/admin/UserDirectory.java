package net.defarm.application.admin;

import java.time.Instant;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.identity.UserAccount;

/**
 * Reads over all accounts, for administrators: filtered keyset pages and counts. Always answered by the system of
 * record (never a cache), since they span every account.
 */
@OutboundPort
public interface UserDirectory {

    /** Accounts matching {@code filter}, oldest first (creation time, then user id). */
    Page<UserAccount> list(UserFilter filter, PageRequest page);

    /** Counts over every account; {@code since} bounds the sign-in and creation counts. */
    UserCounts counts(Instant since);
}
