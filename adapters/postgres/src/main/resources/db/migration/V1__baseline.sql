-- Baseline: the aggregates of the foundation (users, items with identifiers and provenance, LID mappings,
-- pending items, events) and the DFID sequence. Conventions (reference-storage §8.3):
--   * every timestamp is timestamptz (microseconds, UTC); the application truncates to microseconds;
--   * enums are text with CHECK constraints; an unknown value is a loud error, never a silent default;
--   * every mutable aggregate has a version for optimistic locking;
--   * every lookup a use case makes has an index, and every list has a keyset index.

CREATE SEQUENCE dfid_sequence AS bigint START WITH 1 INCREMENT BY 1;

CREATE TABLE user_accounts (
    user_id            text        PRIMARY KEY,
    username           text        NOT NULL,
    email              text        NOT NULL,
    password_hash      text        NOT NULL,
    tier               text        NOT NULL CHECK (tier IN ('Basic', 'Professional', 'Enterprise', 'Admin')),
    status             text        NOT NULL CHECK (status IN ('Active', 'Suspended', 'Banned',
                                                              'PendingVerification', 'TrialExpired')),
    credits            bigint      NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    last_login         timestamptz,
    is_admin           boolean     NOT NULL DEFAULT false,
    workspace_id       text,
    available_adapters text[],
    version            bigint      NOT NULL
);
-- Unique regardless of case, so "Alice" cannot impersonate "alice".
CREATE UNIQUE INDEX user_accounts_username_key ON user_accounts (lower(username));
CREATE UNIQUE INDEX user_accounts_email_key ON user_accounts (lower(email));

CREATE TABLE items (
    dfid            text        PRIMARY KEY,
    local_id        uuid,
    owner_id        text        NOT NULL REFERENCES user_accounts (user_id),
    status          text        NOT NULL CHECK (status IN ('Active', 'Deprecated', 'Merged', 'Split', 'MergedInto')),
    merged_into_lid text,
    enriched_data   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL,
    last_modified   timestamptz NOT NULL,
    version         bigint      NOT NULL,
    CONSTRAINT items_merged_into_names_a_master CHECK ((status = 'MergedInto') = (merged_into_lid IS NOT NULL))
);
-- Keyset order of an owner's items, with and without a status filter.
CREATE INDEX items_owner_keyset ON items (owner_id, created_at, dfid);
CREATE INDEX items_owner_status_keyset ON items (owner_id, status, created_at, dfid);
CREATE INDEX items_local_id ON items (local_id) WHERE local_id IS NOT NULL;

CREATE TABLE item_identifiers (
    dfid              text        NOT NULL REFERENCES items (dfid) ON DELETE CASCADE,
    ordinal           integer     NOT NULL,
    owner_id          text        NOT NULL,
    namespace         text        NOT NULL,
    key               text        NOT NULL,
    value             text        NOT NULL,
    id_type           text        NOT NULL CHECK (id_type IN ('Canonical', 'Contextual')),
    registry          text,
    verified          boolean,
    verification_date timestamptz,
    scope             text,
    PRIMARY KEY (dfid, ordinal),
    CONSTRAINT item_identifiers_type_details CHECK (
        (id_type = 'Canonical' AND registry IS NOT NULL AND verified IS NOT NULL AND scope IS NULL)
        OR (id_type = 'Contextual' AND scope IS NOT NULL AND registry IS NULL AND verified IS NULL))
);
-- Entity resolution: which of an owner's items carry this identifier.
CREATE INDEX item_identifiers_resolution ON item_identifiers (owner_id, namespace, key, value);
-- Search by key and/or value within an owner's items.
CREATE INDEX item_identifiers_search ON item_identifiers (owner_id, key, value);

CREATE TABLE item_source_entries (
    dfid     text    NOT NULL REFERENCES items (dfid) ON DELETE CASCADE,
    ordinal  integer NOT NULL,
    entry_id uuid    NOT NULL,
    PRIMARY KEY (dfid, ordinal)
);

CREATE TABLE lid_dfid_mappings (
    local_id   uuid        PRIMARY KEY,
    dfid       text        NOT NULL REFERENCES items (dfid),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lid_dfid_mappings_dfid ON lid_dfid_mappings (dfid);

CREATE TABLE pending_items (
    pending_id        uuid        PRIMARY KEY,
    owner_id          text        NOT NULL REFERENCES user_accounts (user_id),
    workspace_id      text,
    identifiers       jsonb       NOT NULL,
    enriched_data     jsonb,
    source_entry      uuid        NOT NULL,
    created_at        timestamptz NOT NULL,
    last_updated      timestamptz NOT NULL,
    reason            jsonb       NOT NULL,
    reason_text       text        NOT NULL,
    priority          integer     NOT NULL CHECK (priority BETWEEN 1 AND 4),
    retry_count       integer     NOT NULL,
    manual_review     boolean     NOT NULL,
    suggested_actions jsonb       NOT NULL,
    metadata          jsonb       NOT NULL,
    version           bigint      NOT NULL
);
-- Most urgent first, per owner.
CREATE INDEX pending_items_owner_keyset ON pending_items (owner_id, priority DESC, created_at, pending_id);

CREATE TABLE events (
    event_id          uuid        PRIMARY KEY,
    dfid              text        NOT NULL,
    event_type        text        NOT NULL CHECK (event_type IN ('Created', 'Enriched', 'Merged', 'Split',
                                  'PushedToCircuit', 'PulledFromCircuit', 'Updated', 'StatusChanged')),
    occurred_at       timestamptz NOT NULL,
    source            text        NOT NULL,
    metadata          jsonb       NOT NULL,
    is_encrypted      boolean     NOT NULL,
    visibility        text        NOT NULL CHECK (visibility IN ('Public', 'Private', 'CircuitOnly', 'Direct')),
    content_hash      text        NOT NULL,
    local_event_id    uuid,
    is_local          boolean     NOT NULL,
    pushed_to_circuit uuid,
    version           bigint      NOT NULL,
    -- The same fact (dfid, type, creator, metadata) is stored once: deduplication holds under concurrency.
    CONSTRAINT events_content_hash_key UNIQUE (content_hash)
);
CREATE UNIQUE INDEX events_local_event_id_key ON events (local_event_id) WHERE local_event_id IS NOT NULL;
-- Timelines and filtered lists, each in (occurred_at, event_id) keyset order.
CREATE INDEX events_dfid_keyset ON events (dfid, occurred_at, event_id);
CREATE INDEX events_keyset ON events (occurred_at, event_id);
CREATE INDEX events_source_keyset ON events (source, occurred_at, event_id);
CREATE INDEX events_type_keyset ON events (event_type, occurred_at, event_id);
CREATE INDEX events_visibility_keyset ON events (visibility, occurred_at, event_id);
