-- The audit trail: records appended in the transaction of the change they describe (or on their own for a refused
-- request), hash-chained per partition (UTC day x shard). A record's link is sha256(previous link || digest), the
-- digest being SHA-256 of the record's canonical JSON (computed by the service); audit_heads holds each chain's
-- end, so an append is one statement (insert-or-bump the head, insert the record) and chains of different
-- partitions never wait for each other.

CREATE TABLE audit_heads (
    day   date     NOT NULL,
    shard smallint NOT NULL,
    seq   bigint   NOT NULL,
    link  bytea    NOT NULL,
    PRIMARY KEY (day, shard)
);

CREATE TABLE audit_events (
    event_id       uuid        PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor_id       text,
    key_id         uuid,
    subject_id     text,
    event_type     text        NOT NULL,
    action         text        NOT NULL,
    resource       text        NOT NULL,
    resource_id    text,
    outcome        text        NOT NULL,
    severity       text        NOT NULL,
    -- Kept as the exact canonical text the digest covers (jsonb would normalise it).
    details        text        NOT NULL,
    client_address text,
    user_agent     text,
    request_id     text,
    metadata       text        NOT NULL,
    compliance     text[]      NOT NULL,
    submitted      boolean     NOT NULL,
    day            date        NOT NULL,
    shard          smallint    NOT NULL,
    seq            bigint      NOT NULL,
    link           bytea       NOT NULL,
    UNIQUE (day, shard, seq)
);
CREATE INDEX audit_events_newest ON audit_events (at DESC, event_id DESC);
CREATE INDEX audit_events_by_actor ON audit_events (actor_id, at DESC, event_id DESC);
CREATE INDEX audit_events_by_subject ON audit_events (subject_id, at DESC, event_id DESC) WHERE subject_id IS NOT NULL;

-- Append-only: no UPDATE ever; DELETE only by the retention command, which removes whole days and says so in the
-- setting below for its own transaction (SET LOCAL), then records what it removed.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('defarm.audit_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();

CREATE TABLE audit_incidents (
    incident_id        uuid        PRIMARY KEY,
    title              text        NOT NULL,
    description        text        NOT NULL,
    severity           text        NOT NULL,
    category           text        NOT NULL,
    status             text        NOT NULL,
    affected_users     text[]      NOT NULL,
    affected_resources text[]      NOT NULL,
    related_event_ids  uuid[]      NOT NULL,
    confidential       boolean     NOT NULL,
    opened_by          text,
    assigned_to        text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL
);
CREATE INDEX audit_incidents_newest ON audit_incidents (created_at DESC, incident_id DESC);

CREATE TABLE audit_reports (
    report_id   uuid        PRIMARY KEY,
    report_type text        NOT NULL,
    created_at  timestamptz NOT NULL,
    document    jsonb       NOT NULL
);
CREATE INDEX audit_reports_newest ON audit_reports (created_at DESC, report_id DESC);

CREATE TABLE audit_auditors (
    user_id    text        PRIMARY KEY,
    granted_by text        NOT NULL
);

CREATE TABLE user_activities (
    activity_id   uuid        PRIMARY KEY,
    user_id       text        NOT NULL,
    at            timestamptz NOT NULL,
    document      jsonb       NOT NULL
);
CREATE INDEX user_activities_by_user ON user_activities (user_id, at DESC, activity_id DESC);
CREATE INDEX user_activities_at ON user_activities (at);
