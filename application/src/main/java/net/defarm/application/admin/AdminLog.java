package net.defarm.application.admin;

import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.application.audit.AuditFact;
import net.defarm.application.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.defarm.application.shared.Clock;
import net.defarm.domain.admin.AdminAction;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.shared.JsonArray;
import net.defarm.domain.shared.JsonNull;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/** Writes admin action records, with accounts described without their password hash. */
final class AdminLog {

    private final AdminActionRepository actions;
    private final Clock clock;
    private final AuditTrail audit;

    AdminLog(AdminActionRepository actions, Clock clock, AuditTrail audit) {
        this.actions = actions;
        this.clock = clock;
        this.audit = audit;
    }

    /** Call inside the unit of work of the change, so that the record and the change stand or fall together. */
    void record(String adminId, String action, UserAccount before, UserAccount after, String requestId) {
        String target = after != null ? after.userId() : before == null ? null : before.userId();
        actions.record(new AdminAction(UUID.randomUUID(), adminId, action, target, describe(before),
                describe(after), clock.now(), requestId));
        // The audit trail holds the fact (who, what, whom); the admin record above keeps the before and after.
        audit.record(adminId, null, AuditFact.of(AuditEventType.SYSTEM, "admin." + action, "user", target)
                .subject(target).severity(AuditSeverity.MEDIUM));
    }

    /** What an administrator can see and change of an account; never the password hash. */
    static JsonValue describe(UserAccount a) {
        if (a == null) {
            return JsonNull.INSTANCE;
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("user_id", JsonValue.of(a.userId()));
        m.put("username", JsonValue.of(a.username()));
        m.put("email", JsonValue.of(a.email()));
        m.put("tier", JsonValue.of(a.tier().display()));
        m.put("status", JsonValue.of(a.status().display()));
        m.put("credits", JsonValue.of(a.credits()));
        m.put("is_admin", JsonValue.of(a.admin()));
        m.put("workspace_id", JsonValue.of(a.workspaceId()));
        m.put("available_adapters", a.availableAdapters() == null ? JsonNull.INSTANCE
                : new JsonArray(a.availableAdapters().stream().map(JsonValue::of).toList()));
        return JsonObject.of(m);
    }
}
