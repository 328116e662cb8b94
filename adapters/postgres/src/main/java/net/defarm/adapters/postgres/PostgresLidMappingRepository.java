package net.defarm.adapters.postgres;

import java.util.Optional;
import java.util.UUID;
import net.defarm.application.items.LidMappingRepository;
import net.defarm.domain.shared.ConflictException;

/** LID to DFID mappings in PostgreSQL. */
public final class PostgresLidMappingRepository implements LidMappingRepository {

    private final PostgresDatabase db;

    public PostgresLidMappingRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<String> findDfid(UUID lid) {
        return db.one("SELECT dfid FROM lid_dfid_mappings WHERE local_id = CAST(? AS uuid)",
                r -> PgRows.text(r, "dfid"), lid);
    }

    @Override
    public void bind(UUID lid, String dfid) {
        db.run(ex -> {
            if (ex.insert("INSERT INTO lid_dfid_mappings (local_id, dfid) VALUES (CAST(? AS uuid), ?) ON CONFLICT (local_id) "
                    + "DO NOTHING", lid, dfid) == 0) {
                String existing = db.one("SELECT dfid FROM lid_dfid_mappings WHERE local_id = CAST(? AS uuid)",
                                r -> PgRows.text(r, "dfid"), lid).orElse(dfid);
                if (!existing.equals(dfid)) {
                    throw new ConflictException("LID_ALREADY_BOUND", "Local item " + lid
                            + " is already tokenized as " + existing);
                }
            }
            return null;
        });
    }
}
