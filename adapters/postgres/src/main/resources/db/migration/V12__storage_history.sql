-- Storage history: where each item's state was stored by its circuits' adapters, one row per upload. The rows of
-- an item, in timeline_sequence order, are its CID timeline.

CREATE TABLE storage_records (
    record_id         uuid        PRIMARY KEY,
    -- The outbox message that caused the upload: unique, so a re-delivered message can never record twice.
    message_id        uuid        NOT NULL UNIQUE,
    dfid              text        NOT NULL,
    owner_id          text        NOT NULL,
    circuit_id        uuid,
    triggered_by      text        NOT NULL,
    operation         text        NOT NULL,
    adapter_type      text        NOT NULL,
    cid               text        NOT NULL,
    pinned            boolean     NOT NULL,
    network           text,
    ledger_sequence   bigint,
    transaction_hash  text,
    anchored_at       timestamptz,
    stored_at         timestamptz NOT NULL,
    timeline_sequence bigint      NOT NULL CHECK (timeline_sequence >= 1),
    is_primary        boolean     NOT NULL DEFAULT false,
    UNIQUE (dfid, timeline_sequence),
    CHECK ((network IS NULL) = (transaction_hash IS NULL))
);
CREATE INDEX storage_records_owner ON storage_records (owner_id);
-- At most one primary location per item.
CREATE UNIQUE INDEX storage_records_one_primary ON storage_records (dfid) WHERE is_primary;
