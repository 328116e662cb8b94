package net.defarm.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import net.defarm.application.contract.AdminStoreContract;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.admin.AdminAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAdminStoreContractTest extends AdminStoreContract {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveARecord() {
        store.unitOfWork().inTransaction(() -> store.adminActions().record(new AdminAction(UUID.randomUUID(),
                "admin-a", "freeze_user", "user-1", null, null, Instant.parse("2025-06-01T00:00:00Z"), null)));
        assertThrows(IllegalStateException.class, () -> STORE.database().execute(
                "UPDATE admin_actions SET admin_id = 'someone-else'"));
        assertThrows(IllegalStateException.class, () -> STORE.database().execute("DELETE FROM admin_actions"));
        assertEquals("admin-a", store.adminActions().list(null, PageRequest.firstPage()).items().getFirst()
                .adminId());
    }
}
