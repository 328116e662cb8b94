package net.defarm.adapters.http.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.defarm.application.admin.AdminQueries;
import net.defarm.domain.admin.AdminAction;
import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.TierLimits;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import net.defarm.domain.shared.JsonValue;

/** The JSON shapes of the administration routes; an account is shown without its password hash. */
public final class AdminViews {

    private AdminViews() {
    }

    record UserView(String userId, String username, String email, String tier, String status, long credits,
                    String createdAt, String updatedAt, String lastLogin, boolean isAdmin, String workspaceId,
                    TierLimits limits, List<String> availableAdapters) {
        static UserView of(UserAccount a) {
            return new UserView(a.userId(), a.username(), a.email(), a.tier().display(), a.status().display(),
                    a.credits(), text(a.createdAt()), text(a.updatedAt()), text(a.lastLogin()), a.admin(),
                    a.workspaceId(), TierLimits.of(a.tier()), a.availableAdapters());
        }
    }

    record UserList(boolean success, List<UserView> users, int count) {
    }

    record UserCreated(boolean success, String message, String userId, String username) {
    }

    record OneUser(boolean success, UserView user) {
    }

    record UserUpdated(boolean success, String message, String changes, UserView user) {
    }

    record StatsView(long totalUsers, Map<String, Long> usersByTier, Map<String, Long> usersByStatus,
                     long totalCreditsIssued, long totalCreditsConsumed,
                     @JsonProperty("active_users_last_30_days") long activeUsersLast30Days,
                     @JsonProperty("new_users_last_30_days") long newUsersLast30Days, String generatedAt) {
        static StatsView of(AdminQueries.Stats s) {
            Map<String, Long> tiers = new LinkedHashMap<>();
            for (UserTier t : UserTier.values()) {
                tiers.put(t.display().toLowerCase(Locale.ROOT), s.users().byTier().get(t));
            }
            Map<String, Long> statuses = new LinkedHashMap<>();
            for (AccountStatus st : AccountStatus.values()) {
                statuses.put(st.display(), s.users().byStatus().get(st));
            }
            return new StatsView(s.users().total(), tiers, statuses, s.creditsIssued(), s.creditsConsumed(),
                    s.users().signedInSince(),
                    s.users().createdSince(), text(s.generatedAt()));
        }
    }

    record Stats(boolean success, StatsView stats) {
    }

    record ActionView(String actionId, String adminId, String actionType, String targetId, JsonValue before,
                      JsonValue after, String performedAt, String requestId) {
        static ActionView of(AdminAction a) {
            return new ActionView(a.actionId().toString(), a.adminId(), a.action(), a.targetId(), a.before(),
                    a.after(), text(a.performedAt()), a.requestId());
        }
    }

    record ActionList(boolean success, List<ActionView> actions, int count) {
    }

    private static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    /**
     * The request's id for the record, when a proxy or the client sent a well-formed {@code X-Request-Id};
     * anything else is ignored rather than stored.
     */
    public static String requestId(ServerRequest req) {
        return req.headers().first(REQUEST_ID)
                .filter(id -> id.matches("[A-Za-z0-9._:-]{1,128}")).orElse(null);
    }
}
