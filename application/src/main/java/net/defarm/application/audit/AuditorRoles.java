package net.defarm.application.audit;

import java.util.Optional;
import net.defarm.application.shared.OutboundPort;

/** Who holds the auditor role (reads every account's audit records); granted and withdrawn by administrators. */
@OutboundPort
public interface AuditorRoles {

    boolean isAuditor(String userId);

    /** Grants ({@code auditor}) or withdraws the role; joins the caller's unit of work. */
    void set(String userId, boolean auditor, String grantedBy);

    /** Who granted the role, when the user holds it. */
    Optional<String> grantedBy(String userId);
}
