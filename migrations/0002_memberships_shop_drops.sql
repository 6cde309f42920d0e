-- Memberships, the shop, and content drops with durable deliveries.
-- Times are INTEGER milliseconds since the Unix epoch, UTC.

-- One row per member and tier. A grant to an active tier extends it.
CREATE TABLE memberships (
    member_id INTEGER NOT NULL REFERENCES members (id),
    -- A tier id from the config ([[tiers]] id).
    tier TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    -- NULL = lifetime.
    expires_at INTEGER,
    -- When its end (expiry or revoke) was processed and access removed; NULL while it runs.
    ended_at INTEGER,
    -- The closest expiry reminder already sent, in seconds before expiry; reset on extension.
    reminded_secs INTEGER,
    PRIMARY KEY (member_id, tier)
);

CREATE INDEX memberships_running_by_expiry ON memberships (expires_at) WHERE ended_at IS NULL;

-- The membership ledger: every grant, extension, revoke, expiry and redemption.
CREATE TABLE membership_events (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    tier TEXT NOT NULL,
    -- grant | extend | revoke | expire | redeem
    action TEXT NOT NULL,
    expires_before INTEGER,
    expires_after INTEGER,
    -- The operator who acted; NULL for the bot's own decisions (expiry) and for redemptions.
    actor_member_id INTEGER,
    at INTEGER NOT NULL
);

CREATE INDEX membership_events_by_member ON membership_events (member_id, id);

-- Shop redemptions. The request key (platform, chat, message) makes a repeated request a no-op.
CREATE TABLE redemptions (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    reward TEXT NOT NULL,
    cost INTEGER NOT NULL,
    request_key TEXT NOT NULL UNIQUE,
    at INTEGER NOT NULL
);

CREATE TABLE drops (
    id INTEGER PRIMARY KEY,
    created_by INTEGER REFERENCES members (id),
    created_at INTEGER NOT NULL,
    text TEXT NOT NULL,
    -- The message a reply-scheduled drop copies (same-platform targets copy it with its
    -- formatting and media; others get `text`).
    source_platform TEXT,
    source_chat TEXT,
    source_message TEXT,
    -- Only members of this tier or above see it.
    tier TEXT,
    -- Space-separated targets: 'PLATFORM:CHAT_ID' chats, or 'dm' for a DM to each member of the tier.
    targets TEXT NOT NULL,
    -- Recurrence in the core's stored form ('day', 'mon,thu', 'cron:...'); NULL = one-off.
    rule TEXT,
    -- Local time of day (HH:MM:SS) the rule runs at.
    time_of_day TEXT,
    -- The next occurrence not yet turned into deliveries; NULL when none is left.
    next_at INTEGER,
    cancelled_at INTEGER
);

CREATE INDEX drops_by_next ON drops (next_at) WHERE next_at IS NOT NULL;

-- One row per (drop occurrence, target): pending -> sending -> sent | failed | missed | cancelled.
CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    drop_id INTEGER NOT NULL REFERENCES drops (id),
    occurrence_at INTEGER NOT NULL,
    -- 'PLATFORM:CHAT_ID' or 'dm:MEMBER_ID'.
    target TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    sent_at INTEGER,
    UNIQUE (drop_id, occurrence_at, target)
);

CREATE INDEX deliveries_pending ON deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_by_drop ON deliveries (drop_id, occurrence_at);

CREATE TABLE ratings (
    drop_id INTEGER NOT NULL REFERENCES drops (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    at INTEGER NOT NULL,
    PRIMARY KEY (drop_id, member_id)
) WITHOUT ROWID;
