-- Password reset: single-use tokens, stored only as the BLAKE3 hash of their 32 random bytes, and the instant from
-- which an account's sessions are valid (a reset ends every token issued before it).

ALTER TABLE user_accounts ADD COLUMN sessions_valid_from timestamptz;

CREATE TABLE password_reset_tokens (
    token_hash text        PRIMARY KEY,
    user_id    text        NOT NULL REFERENCES user_accounts (user_id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
-- The per-account count of recent requests, and the clean-up of old ones.
CREATE INDEX password_reset_tokens_user ON password_reset_tokens (user_id, created_at);
