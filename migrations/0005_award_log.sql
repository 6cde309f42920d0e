-- The award log: message XP is appended here at every group commit (one sequential page for
-- a whole batch) and folded into members, the ledger's day rows and period_scores about once
-- a second, before any other write, before reads of scores and at shutdown (store/award_log.rs).
-- A row is durable once its append committed; folding moves it, never loses or repeats it.
-- AUTOINCREMENT: a seq is never reused, so MAX(seq) tells a process whether the log changed
-- since it last looked (another process appended or folded).
CREATE TABLE award_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id INTEGER NOT NULL,
    xp INTEGER NOT NULL CHECK (xp >= 0),
    -- The community day: the ledger's one message row per member per day.
    day TEXT NOT NULL,
    at INTEGER NOT NULL,
    -- JSON array of the period board keys the message counts towards ("week:2026-W48", ...).
    boards TEXT NOT NULL
);
