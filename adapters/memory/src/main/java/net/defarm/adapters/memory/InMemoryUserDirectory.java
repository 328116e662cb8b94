package net.defarm.adapters.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import net.defarm.application.admin.UserCounts;
import net.defarm.application.admin.UserDirectory;
import net.defarm.application.admin.UserFilter;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.identity.UserAccount;

/**
 * Administration reads over the memory store's accounts. Each page scans and sorts every account: fine for the
 * development store, where accounts are few (PostgreSQL pages through an index).
 */
final class InMemoryUserDirectory implements UserDirectory {

    static final String CURSOR = "admin-users";
    private static final Comparator<UserAccount> OLDEST_FIRST = Comparator.comparing(UserAccount::createdAt)
            .thenComparing(UserAccount::userId);

    private final InMemoryUserAccountRepository users;

    InMemoryUserDirectory(InMemoryUserAccountRepository users) {
        this.users = users;
    }

    @Override
    public Page<UserAccount> list(UserFilter filter, PageRequest page) {
        Predicate<UserAccount> after = a -> true;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            Instant at = Cursor.instantFromMicros(parts.get(0));
            String id = parts.get(1);
            after = a -> a.createdAt().isAfter(at) || a.createdAt().equals(at) && a.userId().compareTo(id) > 0;
        }
        List<UserAccount> rows = users.all().stream().filter(after).filter(a -> matches(filter, a))
                .sorted(OLDEST_FIRST).limit(page.limit() + 1L).toList();
        return Page.of(rows, page.limit(), a -> Cursor.encode(CURSOR, Cursor.micros(a.createdAt()), a.userId()));
    }

    private static boolean matches(UserFilter f, UserAccount a) {
        return contains(a.username(), f.username()) && contains(a.email(), f.email())
                && (f.tier() == null || f.tier() == a.tier()) && (f.status() == null || f.status() == a.status())
                && (f.admin() == null || f.admin() == a.admin());
    }

    private static boolean contains(String value, String part) {
        return part == null || value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    @Override
    public UserCounts counts(Instant since) {
        UserCounts counts = UserCounts.zero();
        for (UserAccount a : List.copyOf(users.all())) {
            counts = counts.plus(a.tier(), a.status(), 1, a.lastLogin() != null && !a.lastLogin().isBefore(since)
                    ? 1 : 0, a.createdAt().isBefore(since) ? 0 : 1);
        }
        return counts;
    }
}
