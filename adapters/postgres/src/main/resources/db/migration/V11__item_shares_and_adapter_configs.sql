-- Direct item shares: an owner grants one other user read access to one item, until revoked (the row deleted).
-- No foreign key to items: a share names a DFID as events do, and access is still decided against the item.

CREATE TABLE item_shares (
    share_id     text        PRIMARY KEY,
    dfid         text        NOT NULL,
    shared_by    text        NOT NULL REFERENCES user_accounts (user_id) ON DELETE CASCADE,
    recipient_id text        NOT NULL REFERENCES user_accounts (user_id) ON DELETE CASCADE,
    permissions  jsonb,
    shared_at    timestamptz NOT NULL,
    CONSTRAINT item_shares_pair UNIQUE (dfid, recipient_id)
);
CREATE INDEX item_shares_recipient ON item_shares (recipient_id, shared_at, share_id);

-- Administrators' adapter configurations. connection_details holds the secrets sealed (AES-GCM with the
-- service's key), never in plain text. At most one default, enforced by a partial unique index.

CREATE TABLE adapter_configs (
    config_id          uuid        PRIMARY KEY,
    name               text        NOT NULL,
    description        text,
    adapter_type       text        NOT NULL,
    connection_details jsonb       NOT NULL,
    contract_configs   jsonb,
    is_active          boolean     NOT NULL,
    is_default         boolean     NOT NULL,
    created_by         text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT adapter_configs_name UNIQUE (name)
);
CREATE UNIQUE INDEX adapter_configs_single_default ON adapter_configs (is_default) WHERE is_default;
CREATE INDEX adapter_configs_created ON adapter_configs (created_at, config_id);
CREATE INDEX adapter_configs_type ON adapter_configs (adapter_type, created_at) WHERE is_active;
