-- Broadcasts: an operator's DM to every member of a segment, on each platform they are linked
-- on. The recipients are written with the broadcast, in one transaction, so a restart sends to
-- the same people; each (member, account) moves pending -> sending -> sent | failed | skipped |
-- unknown. `sending` is the claim, as for drops: after a crash a claim on a platform that
-- cannot tell a repeat (Telegram) becomes `unknown` instead of being sent again, so nobody gets
-- a broadcast twice; on Discord the message's nonce makes a repeat harmless, and it is sent.
CREATE TABLE broadcasts (
    id INTEGER PRIMARY KEY,
    segment TEXT NOT NULL,
    text TEXT NOT NULL,
    created_by INTEGER REFERENCES members (id),
    created_at INTEGER NOT NULL,
    -- Recipients (accounts) written.
    total INTEGER NOT NULL DEFAULT 0,
    -- When the last delivery was settled, and when the operator was told the final count.
    finished_at INTEGER,
    reported_at INTEGER
);

CREATE TABLE broadcast_deliveries (
    id INTEGER PRIMARY KEY,
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    sent_at INTEGER,
    last_error TEXT,
    UNIQUE (broadcast_id, member_id, platform, user_id)
);

CREATE INDEX broadcast_deliveries_due ON broadcast_deliveries (next_attempt_at)
    WHERE state = 'pending';
CREATE INDEX broadcast_deliveries_by_broadcast ON broadcast_deliveries (broadcast_id, state);
CREATE INDEX broadcast_deliveries_by_member ON broadcast_deliveries (member_id);

-- `/broadcasts off`: the member gets no broadcast (announcements of their tier's content are
-- not broadcasts and still come).
ALTER TABLE members ADD COLUMN broadcasts_off INTEGER NOT NULL DEFAULT 0;
