-- Steward's first schema: members and their platform accounts, the points ledger, period
-- leaderboards, seasons, thanks and link codes.
-- Conventions: every time is INTEGER milliseconds since the Unix epoch, UTC. A "day" is TEXT
-- 'YYYY-MM-DD' in the community's timezone (the timezone decides; storage stays UTC).

CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    -- The most recent display name seen on any of the member's accounts.
    display_name TEXT NOT NULL,
    -- Lifetime XP: decides levels and the all-time board. Kept equal to SUM(ledger.delta_xp).
    xp INTEGER NOT NULL DEFAULT 0 CHECK (xp >= 0),
    -- Spendable points. Kept equal to SUM(ledger.delta_balance).
    balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
    -- When xp last changed; on equal XP the member who got there first ranks higher.
    xp_reached_at INTEGER NOT NULL,
    -- 1 = left out of public leaderboards (/privacy hide).
    hidden INTEGER NOT NULL DEFAULT 0,
    -- Last time a chat message earned XP (the cooldown starts here).
    last_message_xp_at INTEGER,
    -- Community day of the last /daily and the streak it made.
    daily_last_day TEXT,
    daily_streak INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE INDEX members_by_score ON members (xp DESC, xp_reached_at, id);

CREATE TABLE accounts (
    platform TEXT NOT NULL,
    -- The platform's own user id (a number as text on Discord and Telegram; a name on the console).
    user_id TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members (id),
    -- Lowercased handle without '@', used to resolve @mentions typed as text.
    username TEXT,
    display_name TEXT NOT NULL,
    PRIMARY KEY (platform, user_id)
);

CREATE INDEX accounts_by_member ON accounts (member_id);
CREATE INDEX accounts_by_username ON accounts (platform, username);

-- Every change of XP or balance, with who, why and when.
CREATE TABLE ledger (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    delta_xp INTEGER NOT NULL,
    delta_balance INTEGER NOT NULL,
    -- message | daily | thanks | grant | remove | link
    kind TEXT NOT NULL,
    -- message: the community day (one row per member per day, updated); thanks: the day.
    reference TEXT,
    -- Free text given by a person (a thanks or grant reason).
    reason TEXT,
    -- The member who caused the change (operator, thanking member); NULL for automatic awards.
    actor_member_id INTEGER,
    at INTEGER NOT NULL
);

CREATE UNIQUE INDEX ledger_one_message_row_per_day ON ledger (member_id, reference) WHERE kind = 'message';
CREATE INDEX ledger_by_member ON ledger (member_id, id);

-- Scores per period board: 'week:2026-W48', 'month:2026-11', 'season:ID'.
CREATE TABLE period_scores (
    board TEXT NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members (id),
    xp INTEGER NOT NULL CHECK (xp >= 0),
    reached_at INTEGER NOT NULL,
    PRIMARY KEY (board, member_id)
) WITHOUT ROWID;

CREATE INDEX period_scores_by_score ON period_scores (board, xp DESC, reached_at, member_id);

CREATE TABLE seasons (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    -- Planned end (from `until`); NULL = until /season end.
    ends_at INTEGER,
    -- Set when the season is over; its table stays in period_scores for the archive.
    ended_at INTEGER,
    -- Where to announce the final top 10: the chat /season start was given in.
    announce_platform TEXT NOT NULL,
    announce_chat TEXT NOT NULL
);

CREATE UNIQUE INDEX seasons_by_name ON seasons (name COLLATE NOCASE);
-- At most one season runs at a time.
CREATE UNIQUE INDEX seasons_one_active ON seasons (ended_at IS NULL) WHERE ended_at IS NULL;

-- One row per thanks given: the limits (per giver per day, once per pair per day) read it.
CREATE TABLE thanks (
    giver_id INTEGER NOT NULL REFERENCES members (id),
    receiver_id INTEGER NOT NULL REFERENCES members (id),
    day TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (giver_id, receiver_id, day)
) WITHOUT ROWID;

CREATE INDEX thanks_by_giver_day ON thanks (giver_id, day);

-- One-time codes from /link, redeemed from an account on another platform.
CREATE TABLE link_codes (
    code TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    platform TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
