-- The unified identifier model's item columns, in their own version as in the design note's history (V3 there):
--   legacy_mode       true for items minted directly under a DFID, false for items tokenized from a LID;
--   fingerprint       set when an item was tokenized through the fingerprint path;
--   aliases           other systems' names for the item (JSON array of {scheme, value, issuer_id, issued_at,
--                     evidence_hash});
--   confidence_score  1.0 at creation; only merges change it.
ALTER TABLE items
    ADD COLUMN legacy_mode      boolean          NOT NULL DEFAULT true,
    ADD COLUMN fingerprint      text,
    ADD COLUMN aliases          jsonb            NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN confidence_score double precision NOT NULL DEFAULT 1.0;
