-- Promo codes: a discount on one plan, from the config file (`source = 'config'`, written again
-- at each start) or made by an operator in chat (`source = 'operator'`).
CREATE TABLE promos (
    code TEXT PRIMARY KEY,
    plan TEXT NOT NULL,
    -- One of the two: percent off (1-99), or a price in Stars.
    percent INTEGER,
    stars INTEGER,
    -- The last moment a use may be taken (ms); NULL: no end.
    until INTEGER,
    -- How many members may use it; NULL: any number.
    uses INTEGER,
    first_term_only INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL,
    created_by INTEGER REFERENCES members (id),
    created_at INTEGER NOT NULL,
    ended_at INTEGER,
    CHECK ((percent IS NULL) <> (stars IS NULL))
);

-- A use of a code, taken when a member opens a checkout with it (in the same transaction as
-- the count of the others, so two members cannot both take the last one) and kept by their
-- payment; a use not paid within the reference's week is free again. One per member and code.
CREATE TABLE promo_uses (
    code TEXT NOT NULL REFERENCES promos (code),
    member_id INTEGER NOT NULL REFERENCES members (id),
    plan TEXT NOT NULL,
    -- The Stars price the use was taken at (NULL for a card-only plan): a payment is checked
    -- against it even if the promo ends or changes meanwhile.
    stars INTEGER,
    taken_at INTEGER NOT NULL,
    -- The payments row that kept it.
    payment_id INTEGER REFERENCES payments (id),
    PRIMARY KEY (code, member_id)
);

-- The code a payment's price was set by: every redemption is in the ledger with its code.
ALTER TABLE payments ADD COLUMN promo TEXT;
