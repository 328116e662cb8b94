-- Snapshot hash chains (reference-domain §14). State and operation are kept as the exact canonical text that was
-- hashed (text, not jsonb: jsonb would renormalize numbers and key order and the hashes would no longer verify).
CREATE TABLE snapshots (
    snapshot_id        text        PRIMARY KEY,
    entity_type        text        NOT NULL CHECK (entity_type IN ('item', 'circuit')),
    entity_id          text        NOT NULL,
    version            bigint      NOT NULL CHECK (version >= 1),
    parent_hash        text,
    state              text        NOT NULL,
    operation          text        NOT NULL,
    operation_metadata jsonb       NOT NULL,
    occurred_at        timestamptz NOT NULL,
    created_by         text        NOT NULL,
    CONSTRAINT snapshots_one_version UNIQUE (entity_type, entity_id, version)
);
