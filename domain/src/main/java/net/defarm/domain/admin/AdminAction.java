package net.defarm.domain.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonValue;

/**
 * One thing an administrator did, as recorded: who ({@code adminId}: a user id, or {@link #CONSOLE} for the
 * operator's commands), which action (a snake_case name such as {@code freeze_user}), on what, the target's state
 * before and after (JSON, never a secret), when, and the request it came with when known. Records are only ever
 * appended.
 */
public record AdminAction(UUID actionId, String adminId, String action, String targetId, JsonValue before,
                          JsonValue after, Instant performedAt, String requestId) {

    /** The actor of actions taken with the service's own commands (bin/run create-admin, seed-demo). */
    public static final String CONSOLE = "console";

    public AdminAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(adminId, "adminId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(performedAt, "performedAt");
        if (!action.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("an admin action is a snake_case name: " + action);
        }
        before = before == null ? JsonNull.INSTANCE : before;
        after = after == null ? JsonNull.INSTANCE : after;
    }
}
