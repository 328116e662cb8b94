-- What administrators did: appended in the transaction of the change it describes, never updated or deleted.
-- admin_id is not a foreign key: the console's commands act as 'console', and a record outlives its actor.

CREATE TABLE admin_actions (
    action_id    uuid        PRIMARY KEY,
    admin_id     text        NOT NULL,
    action       text        NOT NULL,
    target_id    text,
    before_state jsonb       NOT NULL,
    after_state  jsonb       NOT NULL,
    performed_at timestamptz NOT NULL,
    request_id   text
);
-- Newest first, for everyone and per administrator.
CREATE INDEX admin_actions_newest ON admin_actions (performed_at DESC, action_id DESC);
CREATE INDEX admin_actions_by_admin ON admin_actions (admin_id, performed_at DESC, action_id DESC);

-- The record is append-only in the database too: an UPDATE or DELETE (a bug, a hand-typed statement) fails.
CREATE FUNCTION admin_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'admin_actions is append-only';
END
$$;
CREATE TRIGGER admin_actions_append_only BEFORE UPDATE OR DELETE ON admin_actions
    FOR EACH ROW EXECUTE FUNCTION admin_actions_append_only();

-- Administrators page through accounts in creation order (byte order of ids, the same in every store).
CREATE INDEX user_accounts_created ON user_accounts (created_at, user_id COLLATE "C");
