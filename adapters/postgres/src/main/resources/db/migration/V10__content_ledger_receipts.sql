-- Evidence: content-addressed blobs (the local content store in the database modes), the local hash-chained
-- anchoring log, and receipts of submitted data.

-- One raw block per row, named by its CIDv1 (raw, sha2-256, base32); every read re-hashes the bytes.
CREATE TABLE content_blocks (
    cid       text        PRIMARY KEY,
    bytes     bytea       NOT NULL,
    size      integer     NOT NULL CHECK (size BETWEEN 0 AND 262144),
    pinned    boolean     NOT NULL DEFAULT true,
    stored_at timestamptz NOT NULL DEFAULT now()
);

-- One chain per network; (network, sequence) is unique, so two appends can never take the same place.
CREATE TABLE ledger_entries (
    network       text        NOT NULL,
    sequence      bigint      NOT NULL CHECK (sequence >= 1),
    anchored_cid  text        NOT NULL,
    dfid          text,
    circuit_id    text,
    recorded_at   timestamptz NOT NULL,
    previous_hash text        NOT NULL,
    entry_hash    text        NOT NULL UNIQUE,
    PRIMARY KEY (network, sequence)
);

-- Append-only: the service never changes an entry; a change made around this guard is found by the chain check.
CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entries is append-only';
END
$$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

CREATE TABLE receipts (
    receipt_id  uuid        PRIMARY KEY,
    owner_id    text        NOT NULL REFERENCES user_accounts (user_id) ON DELETE CASCADE,
    hash        text        NOT NULL,
    received_at timestamptz NOT NULL,
    data_size   bigint      NOT NULL CHECK (data_size >= 0),
    identifiers jsonb       NOT NULL,
    cid         text
);
CREATE INDEX receipts_owner ON receipts (owner_id, received_at, receipt_id);
CREATE INDEX receipts_identifiers ON receipts USING gin (identifiers jsonb_path_ops);
