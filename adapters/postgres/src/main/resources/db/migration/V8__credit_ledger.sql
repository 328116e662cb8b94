-- Credit ledgers: one append-only line per balance movement. The account's balance stays in
-- user_accounts.credits; the ledger adapter moves it and writes the line in one transaction, under the account
-- row's lock, so balance_after always equals the balance the line left (docs/adr/0012).
-- Accounts opened before this migration get an opening line for the balance they hold, so every balance is
-- explained by its ledger from the start.

CREATE TABLE credit_transactions (
    transaction_id   uuid        PRIMARY KEY,
    user_id          text        NOT NULL REFERENCES user_accounts (user_id) ON DELETE CASCADE,
    seq              bigint      NOT NULL CHECK (seq >= 1),
    transaction_type text        NOT NULL CHECK (transaction_type IN ('Purchase', 'Grant', 'Consumption', 'Refund',
                                                                      'Subscription', 'Penalty')),
    amount           bigint      NOT NULL,
    description      text        NOT NULL,
    occurred_at      timestamptz NOT NULL,
    balance_after    bigint      NOT NULL,
    -- Two appends can never claim the same place in one account's ledger.
    UNIQUE (user_id, seq)
);

CREATE FUNCTION credit_transactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'credit_transactions is append-only';
END
$$;

CREATE TRIGGER credit_transactions_no_update BEFORE UPDATE ON credit_transactions
    FOR EACH ROW EXECUTE FUNCTION credit_transactions_append_only();

INSERT INTO credit_transactions (transaction_id, user_id, seq, transaction_type, amount, description, occurred_at,
                                 balance_after)
SELECT gen_random_uuid(), user_id, 1, CASE WHEN credits >= 0 THEN 'Grant' ELSE 'Penalty' END, credits,
       'Opening balance', now(), credits
  FROM user_accounts
 WHERE credits <> 0;
