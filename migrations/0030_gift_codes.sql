-- Gift codes: a plan's term bought for someone who is not a member yet. The buyer pays (the
-- payments row is theirs and grants them nothing); whoever sends `/redeem-gift CODE` first,
-- before it expires, gets the term. A code whose payment was refunded cannot be redeemed.
CREATE TABLE gift_codes (
    code TEXT PRIMARY KEY,
    plan TEXT NOT NULL,
    -- NULL once the buyer is erased: the code stays good.
    buyer_id INTEGER REFERENCES members (id),
    payment_id INTEGER NOT NULL REFERENCES payments (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    redeemed_by INTEGER REFERENCES members (id),
    redeemed_at INTEGER
);

CREATE UNIQUE INDEX gift_codes_by_payment ON gift_codes (payment_id);
