package net.defarm.application.admin;

import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.admin.AdminAction;

/** The append-only record of administrators' actions: nothing here changes or removes a record. */
@OutboundPort
public interface AdminActionRepository {

    /** Appends a record; joins the caller's unit of work, so it is kept exactly when the change it describes is. */
    void record(AdminAction action);

    /** Newest first (then by id), only {@code adminId}'s when it is not null; keyset pages. */
    Page<AdminAction> list(String adminId, PageRequest page);
}
