-- Circuits: sharing groups with members, roles and join requests (one aggregate), the items in them, their push
-- and pull operations, their activity feed; and users' notifications.

CREATE TABLE circuits (
    circuit_id                uuid        PRIMARY KEY,
    name                      text        NOT NULL,
    description               text        NOT NULL,
    owner_id                  text        NOT NULL REFERENCES user_accounts (user_id),
    default_namespace         text        NOT NULL DEFAULT 'generic',
    alias_config              jsonb,
    created_at                timestamptz NOT NULL,
    last_modified             timestamptz NOT NULL,
    require_approval_for_push boolean     NOT NULL,
    require_approval_for_pull boolean     NOT NULL,
    allow_public_visibility   boolean     NOT NULL,
    status                    text        NOT NULL CHECK (status IN ('Active', 'Inactive', 'Archived')),
    public_settings           jsonb,
    adapter_config            jsonb,
    version                   bigint      NOT NULL
);
CREATE INDEX circuits_keyset ON circuits (created_at, circuit_id);
CREATE INDEX circuits_public_keyset ON circuits (created_at, circuit_id) WHERE allow_public_visibility;
CREATE INDEX circuits_owner ON circuits (owner_id);

CREATE TABLE circuit_members (
    circuit_id       uuid        NOT NULL REFERENCES circuits (circuit_id) ON DELETE CASCADE,
    ordinal          integer     NOT NULL,
    member_id        text        NOT NULL,
    role             text        NOT NULL CHECK (role IN ('Owner', 'Admin', 'Member', 'Viewer')),
    custom_role_name text,
    permissions      text[]      NOT NULL,
    joined_at        timestamptz NOT NULL,
    PRIMARY KEY (circuit_id, member_id)
);
-- A user's circuits (listing, event visibility, item sharing).
CREATE INDEX circuit_members_member ON circuit_members (member_id, circuit_id);

CREATE TABLE circuit_custom_roles (
    circuit_id  uuid        NOT NULL REFERENCES circuits (circuit_id) ON DELETE CASCADE,
    ordinal     integer     NOT NULL,
    role_id     uuid        NOT NULL,
    role_name   text        NOT NULL,
    permissions text[]      NOT NULL,
    description text,
    color       text,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    is_default  boolean     NOT NULL,
    PRIMARY KEY (circuit_id, role_name)
);

CREATE TABLE circuit_join_requests (
    circuit_id   uuid        NOT NULL REFERENCES circuits (circuit_id) ON DELETE CASCADE,
    ordinal      integer     NOT NULL,
    requester_id text        NOT NULL,
    requested_at timestamptz NOT NULL,
    message      text,
    status       text        NOT NULL CHECK (status IN ('Pending', 'Approved', 'Rejected')),
    PRIMARY KEY (circuit_id, requester_id)
);

CREATE TABLE circuit_items (
    circuit_id uuid        NOT NULL REFERENCES circuits (circuit_id) ON DELETE CASCADE,
    dfid       text        NOT NULL REFERENCES items (dfid),
    pushed_by  text        NOT NULL,
    pushed_at  timestamptz NOT NULL,
    PRIMARY KEY (circuit_id, dfid)
);
CREATE INDEX circuit_items_keyset ON circuit_items (circuit_id, pushed_at, dfid);
-- Which circuits an item is in (item sharing).
CREATE INDEX circuit_items_dfid ON circuit_items (dfid);

CREATE TABLE circuit_operations (
    operation_id   uuid        PRIMARY KEY,
    circuit_id     uuid        NOT NULL REFERENCES circuits (circuit_id) ON DELETE CASCADE,
    dfid           text        NOT NULL,
    operation_type text        NOT NULL CHECK (operation_type IN ('Push', 'Pull')),
    requester_id   text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('Pending', 'Approved', 'Rejected', 'Completed', 'Failed')),
    metadata       jsonb       NOT NULL,
    version        bigint      NOT NULL
);
CREATE INDEX circuit_operations_keyset ON circuit_operations (circuit_id, occurred_at, operation_id);
CREATE INDEX circuit_operations_status_keyset ON circuit_operations (circuit_id, status, occurred_at, operation_id);

CREATE TABLE circuit_activities (
    activity_id    text        PRIMARY KEY,
    circuit_id     uuid        NOT NULL REFERENCES circuits (circuit_id) ON DELETE CASCADE,
    activity_type  text        NOT NULL CHECK (activity_type IN ('Push', 'Pull')),
    circuit_name   text        NOT NULL,
    dfids          text[]      NOT NULL,
    user_id        text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    status         text        NOT NULL,
    items_affected integer     NOT NULL
);
CREATE INDEX circuit_activities_keyset ON circuit_activities (circuit_id, occurred_at, activity_id);

CREATE TABLE notifications (
    notification_id   uuid        PRIMARY KEY,
    user_id           text        NOT NULL,
    notification_type text        NOT NULL CHECK (notification_type IN ('JoinRequestReceived', 'JoinRequestApproved',
                                  'JoinRequestRejected', 'CircuitAdapterConfigUpdated')),
    title             text        NOT NULL,
    message           text        NOT NULL,
    is_read           boolean     NOT NULL,
    occurred_at       timestamptz NOT NULL,
    data              jsonb       NOT NULL
);
-- Newest first per user; unread counts.
CREATE INDEX notifications_user_keyset ON notifications (user_id, occurred_at DESC, notification_id DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE NOT is_read;

-- Tokenization resolves canonical identifiers across owners.
CREATE INDEX item_identifiers_canonical ON item_identifiers (namespace, key, value) WHERE id_type = 'Canonical';
-- Fingerprint lookups within a circuit.
CREATE INDEX items_fingerprint ON items (fingerprint) WHERE fingerprint IS NOT NULL;
