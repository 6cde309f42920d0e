-- no-transaction
-- Member ids are never reused. Without AUTOINCREMENT, SQLite gives a new row the highest id plus
-- one, so after a merge or an erasure deleted the newest member, the next member took its id.
-- Ids live outside foreign keys (signed payment references, invoice payloads, exports, logs),
-- where a reused id could hand one person's purchase to another. SQLite cannot add
-- AUTOINCREMENT to a table, so the table is rebuilt as its documentation describes
-- (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): with foreign
-- keys off, in one transaction.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE members_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    created_at INTEGER NOT NULL,
    language TEXT,
    app_language TEXT,
    erased_at INTEGER,
    first_active_day TEXT,
    last_active_day TEXT
);
INSERT INTO members_rebuilt (id, display_name, xp, balance, xp_reached_at, hidden,
    last_message_xp_at, daily_last_day, daily_streak, created_at, language, app_language,
    erased_at, first_active_day, last_active_day)
SELECT id, display_name, xp, balance, xp_reached_at, hidden, last_message_xp_at, daily_last_day,
    daily_streak, created_at, language, app_language, erased_at, first_active_day, last_active_day
FROM members;
DROP TABLE members;
ALTER TABLE members_rebuilt RENAME TO members;
-- The member count's triggers went with the old table (0010_analytics.sql).
CREATE TRIGGER members_counted AFTER INSERT ON members
WHEN new.erased_at IS NULL
BEGIN
    INSERT INTO stat_counters (name, period, value) VALUES ('members', 'all', 1)
    ON CONFLICT (name, period) DO UPDATE SET value = value + 1;
END;
CREATE TRIGGER members_uncounted AFTER DELETE ON members
WHEN old.erased_at IS NULL
BEGIN
    UPDATE stat_counters SET value = value - 1 WHERE name = 'members' AND period = 'all';
END;
CREATE TRIGGER members_erased AFTER UPDATE OF erased_at ON members
WHEN (old.erased_at IS NULL) IS NOT (new.erased_at IS NULL)
BEGIN
    UPDATE stat_counters SET value = value + CASE WHEN new.erased_at IS NULL THEN 1 ELSE -1 END
    WHERE name = 'members' AND period = 'all';
END;
COMMIT;
PRAGMA foreign_keys = ON;
