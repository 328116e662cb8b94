-- The transactional outbox: side effects that leave the process (webhook calls), written in the transaction of the
-- change that causes them and delivered at least once by whichever dispatcher claims them. message_id is stable
-- across attempts (receivers de-duplicate on it). A claim is a lease: claim_id names the dispatcher that holds the
-- message until lease_until; after that any dispatcher may take it over.
CREATE TABLE outbox_messages (
    message_id      uuid        PRIMARY KEY,
    topic           text        NOT NULL,
    circuit_id      uuid,
    target          text        NOT NULL,
    event_type      text        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('Pending', 'InProgress', 'Delivered', 'Retrying', 'Failed')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,
    claim_id        uuid,
    delivered_at    timestamptz,
    last_status     integer,
    last_error      text
);
-- What a dispatcher scans: only unsettled messages, by due time.
CREATE INDEX outbox_due ON outbox_messages (next_attempt_at) WHERE status IN ('Pending', 'Retrying');
CREATE INDEX outbox_leased ON outbox_messages (lease_until) WHERE status = 'InProgress';
-- A circuit's delivery log, newest first.
CREATE INDEX outbox_circuit_log ON outbox_messages (circuit_id, created_at DESC, message_id DESC);

CREATE TABLE outbox_attempts (
    message_id    uuid        NOT NULL REFERENCES outbox_messages (message_id) ON DELETE CASCADE,
    attempt       integer     NOT NULL CHECK (attempt >= 1),
    attempted_at  timestamptz NOT NULL,
    status_code   integer,
    error         text,
    duration_ms   bigint      NOT NULL,
    response_body text,
    PRIMARY KEY (message_id, attempt)
);

-- Post-action settings per circuit, and the circuit's webhooks. Secrets (signing secret, credentials) are stored
-- sealed with the service's key (AES-GCM), never in clear.
CREATE TABLE post_action_settings (
    circuit_id              uuid        PRIMARY KEY,
    enabled                 boolean     NOT NULL,
    trigger_events          text[]      NOT NULL,
    include_storage_details boolean     NOT NULL,
    include_item_metadata   boolean     NOT NULL,
    updated_at              timestamptz NOT NULL
);

CREATE TABLE webhooks (
    webhook_id         uuid        PRIMARY KEY,
    circuit_id         uuid        NOT NULL,
    name               text        NOT NULL,
    url                text        NOT NULL,
    method             text        NOT NULL CHECK (method IN ('Post', 'Put', 'Patch')),
    headers            jsonb       NOT NULL,
    auth_type          text        NOT NULL,
    sealed_credentials text,
    sealed_secret      text        NOT NULL,
    enabled            boolean     NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX webhooks_circuit ON webhooks (circuit_id, created_at);
