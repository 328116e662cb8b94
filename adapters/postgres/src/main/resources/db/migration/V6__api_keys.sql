-- API keys: only the hash of a key is stored (its first characters are kept for display). Usage counters are
-- written in batches by each instance, never on a request's path.

CREATE TABLE api_keys (
    key_id              uuid        PRIMARY KEY,
    owner_id            text        NOT NULL REFERENCES user_accounts (user_id) ON DELETE CASCADE,
    name                text        NOT NULL,
    key_prefix          text        NOT NULL,
    key_hash            text        NOT NULL UNIQUE,
    organization_type   text        NOT NULL,
    organization_id     text,
    permissions         jsonb       NOT NULL,
    allowed_endpoints   jsonb       NOT NULL,
    allowed_ips         jsonb       NOT NULL,
    rate_limit_per_hour integer     NOT NULL CHECK (rate_limit_per_hour >= 0),
    notes               text,
    is_active           boolean     NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz,
    last_used_at        timestamptz,
    usage_count         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX api_keys_owner ON api_keys (owner_id, created_at, key_id);

CREATE TABLE api_key_daily_usage (
    key_id     uuid   NOT NULL REFERENCES api_keys (key_id) ON DELETE CASCADE,
    day        date   NOT NULL,
    requests   bigint NOT NULL,
    errors     bigint NOT NULL,
    latency_ms bigint NOT NULL,
    PRIMARY KEY (key_id, day)
);
