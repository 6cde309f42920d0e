-- Referrals: each member's invite code, and who brought whom. A member is referred once, by
-- the first code they arrive with (the row stays, so leaving and coming back changes nothing).
-- Their first payment is noted; once the hold has passed the referrer is credited (or, if that
-- payment was refunded meanwhile, the referral is marked reversed and earns nothing).
CREATE TABLE referral_codes (
    member_id INTEGER PRIMARY KEY REFERENCES members (id),
    code TEXT NOT NULL UNIQUE
);

CREATE TABLE referrals (
    referred_id INTEGER PRIMARY KEY REFERENCES members (id),
    referrer_id INTEGER NOT NULL REFERENCES members (id),
    at INTEGER NOT NULL,
    payment_id INTEGER REFERENCES payments (id),
    paid_at INTEGER,
    credited_at INTEGER,
    reversed_at INTEGER,
    -- What the referrer was given.
    xp INTEGER NOT NULL DEFAULT 0,
    days INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX referrals_by_referrer ON referrals (referrer_id);
CREATE INDEX referrals_due ON referrals (paid_at)
    WHERE paid_at IS NOT NULL AND credited_at IS NULL AND reversed_at IS NULL;
