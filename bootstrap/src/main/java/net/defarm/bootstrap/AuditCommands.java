package net.defarm.bootstrap;

import java.lang.System.Logger.Level;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.application.audit.AuditRetention;
import net.defarm.application.audit.AuditUseCases;
import net.defarm.application.audit.VerifyAuditChain;
import net.defarm.application.storage.StoragePorts;

/**
 * {@code bin/run audit-verify}: walks every chain of the audit trail and reports the first broken link (exit 3), and
 * {@code bin/run audit-retention}: removes the days every record of which is past its users' tier retention, and
 * records that it did. Both read PostgreSQL directly (no cache, no write-through load).
 */
final class AuditCommands {

    private static final System.Logger LOG = System.getLogger(AuditCommands.class.getName());

    private AuditCommands() {
    }

    static int verify(ServiceSettings settings) {
        return run(settings, "audit-verify", audit -> {
            VerifyAuditChain.Verification v = audit.verification().verify();
            if (v.intact()) {
                LOG.log(Level.INFO, "audit-verify: " + v.recordsChecked() + " records in " + v.chainsChecked()
                        + " chains, every link holds");
                return 0;
            }
            VerifyAuditChain.Broken b = v.firstBroken();
            LOG.log(Level.ERROR, "audit-verify: broken link in the chain of " + b.day() + " shard " + b.shard()
                    + " at record " + b.seq() + (b.eventId() == null ? "" : " (event " + b.eventId() + ")") + ": "
                    + b.reason());
            return 3;
        });
    }

    static int retention(ServiceSettings settings) {
        return run(settings, "audit-retention", audit -> {
            AuditRetention.Run run = audit.retention().run();
            LOG.log(Level.INFO, "audit-retention: removed " + run.removedRecords() + " records of "
                    + run.removedDays().size() + " days " + run.removedDays());
            return 0;
        });
    }

    private static int run(ServiceSettings settings, String command,
                           java.util.function.ToIntFunction<AuditUseCases> work) {
        if (settings.storageMode() == ServiceSettings.StorageMode.MEMORY) {
            LOG.log(Level.INFO, command + ": memory mode holds no audit trail outside a running service; nothing "
                    + "to do");
            return 0;
        }
        OpenedStorage storage = OpenedStorage.open(settings.withStorageMode(ServiceSettings.StorageMode.POSTGRES)
                .withCache(CacheSettings.defaults(CacheSettings.Kind.NONE)));
        try {
            StoragePorts ports = storage.ports();
            return work.applyAsInt(AuditUseCases.create(ports.audit(), ports.users()::findById, ports.unitOfWork(),
                    new SystemClock(), settings.auditEnabled()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, command + " failed: " + e.getMessage());
            return 1;
        } finally {
            Main.closeQuietly(storage);
        }
    }
}
