-- Tamper guards for the audit trail (V13). They refuse what the service never does; they do not stop a database
-- owner or superuser, who can disable triggers: tamper EVIDENCE rests on verification and on chain heads kept
-- elsewhere (see ADR 0019), and the runtime role should not own these tables.
--
-- Removal: only whole UTC days older than the shortest tier retention (30 days, TierLimits BASIC), the retention
-- command's rule. The former session switch (defarm.audit_retention) let any session delete any row; it is gone.
CREATE OR REPLACE FUNCTION audit_removable_before() RETURNS date LANGUAGE sql STABLE AS $$
    SELECT (now() AT TIME ZONE 'UTC')::date - 30
$$;

CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.day < audit_removable_before() THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

-- A delete statement must leave none of the days it touched behind: whole days or nothing.
CREATE FUNCTION audit_whole_days_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_events e WHERE e.day IN (SELECT DISTINCT r.day FROM removed r)) THEN
        RAISE EXCEPTION 'audit records are removed by whole days only';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER audit_events_whole_days AFTER DELETE ON audit_events REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION audit_whole_days_only();

-- A head is created at position 1 (the append's INSERT) and moves one position at a time (its ON CONFLICT DO
-- UPDATE); it goes only with its day, after the day's records.
CREATE FUNCTION audit_heads_advance_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NEW.seq = 1 THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.day = OLD.day AND NEW.shard = OLD.shard AND NEW.seq = OLD.seq + 1 THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' AND OLD.day < audit_removable_before()
            AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.day = OLD.day AND e.shard = OLD.shard) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit chain heads only advance';
END
$$;
CREATE TRIGGER audit_heads_advance_only BEFORE INSERT OR UPDATE OR DELETE ON audit_heads
    FOR EACH ROW EXECUTE FUNCTION audit_heads_advance_only();

CREATE FUNCTION audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();
CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads
    FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();

-- One user's activities across the circuits they belong to (GET /api/activities/user/{id}), read in one
-- keyset-ordered statement.
CREATE INDEX circuit_activities_by_user ON circuit_activities (user_id, occurred_at, activity_id);
