package net.defarm.adapters.postgres;

import java.util.OptionalInt;
import net.defarm.application.audit.AuditPorts;
import net.defarm.application.storage.StoragePorts;

/**
 * PostgreSQL as the system of record: every storage port over one connection pool. Opening it reads nothing
 * (no bulk load): start-up does not grow with the data.
 */
public final class PostgresStorage implements AutoCloseable {

    /** How the database's schema compares with what this build expects. */
    public record SchemaStatus(int expected, OptionalInt applied) {
        public boolean current() {
            return applied.isPresent() && applied.getAsInt() >= expected;
        }

        public String describe() {
            return applied.isEmpty() ? "no schema (run the migrate command)"
                    : "schema version " + applied.getAsInt() + ", this build needs " + expected;
        }
    }

    private final PostgresDatabase db;
    private final StoragePorts ports;
    private final int expectedSchema;
    private final PostgresNotificationFeed feed;

    private PostgresStorage(PostgresDatabase db, PostgresSettings settings) {
        this.db = db;
        this.expectedSchema = PostgresMigrations.latestVersion();
        PostgresNotificationRepository notifications = new PostgresNotificationRepository(db);
        this.feed = new PostgresNotificationFeed(db, settings, notifications);
        this.ports = StoragePorts.builder().unitOfWork(new PostgresUnitOfWork(db))
                .users(new PostgresUserAccountRepository(db)).items(new PostgresItemRepository(db))
                .pendingItems(new PostgresPendingItemRepository(db)).lidMappings(new PostgresLidMappingRepository(db))
                .dfidSequence(new PostgresDfidSequence(db)).events(new PostgresEventRepository(db))
                .circuits(new PostgresCircuitRepository(db)).circuitItems(new PostgresCircuitItemRepository(db))
                .operations(new PostgresCircuitOperationRepository(db))
                .activities(new PostgresCircuitActivityRepository(db))
                .notifications(notifications).notificationFeed(feed).itemSharing(new PostgresItemSharing(db))
                .memberCircuits(new PostgresMemberCircuits(db)).snapshots(new PostgresSnapshotRepository(db))
                .health(new PostgresStoreHealth(db)).export(new PostgresStoreExport(db))
                .outbox(new PostgresOutbox(db)).postActions(new PostgresPostActionRepository(db))
                .apiKeys(new PostgresApiKeyRepository(db)).resetTokens(new PostgresPasswordResetTokenRepository(db))
                .adminActions(new PostgresAdminActionRepository(db)).userDirectory(new PostgresUserDirectory(db))
                .contents(new PostgresContentStore(db)).ledger(new PostgresAnchorLedger(db))
                .receipts(new PostgresReceiptRepository(db))
                .storageHistory(new PostgresStorageHistoryRepository(db))
                .itemShares(new PostgresItemShareRepository(db))
                .adapterConfigs(new PostgresAdapterConfigRepository(db))
                .credits(new PostgresCreditLedger(db))
                .audit(new AuditPorts(new PostgresAuditRepository(db), new PostgresIncidentRepository(db),
                        new PostgresComplianceReportRepository(db), new PostgresAuditorRoles(db),
                        new PostgresUserActivityRepository(db)))
                .build();
    }

    public static PostgresStorage open(PostgresSettings settings) {
        return new PostgresStorage(new PostgresDatabase(settings), settings);
    }

    /** The connection pool's figures (active, idle, waiting), for metrics. */
    public PostgresDatabase.PoolStats pool() {
        return db.poolStats();
    }

    public StoragePorts ports() {
        return ports;
    }

    /** Reads the applied migration version (one query); fails with StoreUnavailable when the database is down. */
    public SchemaStatus schemaStatus() {
        return new SchemaStatus(expectedSchema, PostgresMigrations.appliedVersion(db));
    }

    /** SQL statements executed through this store so far. */
    public long statementCount() {
        return db.statementCount();
    }

    @Override
    public void close() {
        feed.close();
        db.close();
    }
}
