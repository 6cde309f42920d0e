-- What the operators' dashboard measures. Only counters and one row per member per active day
-- are stored, never message content. Days, weeks and months are the community's (its
-- timezone), keyed as text like the boards: '2026-11-30', '2026-W49', '2026-11'.

-- Counters by name and period, e.g. ('active-day', '2026-11-30'), ('xp:daily', '2026-11-30'),
-- ('cohort:2026-W40', '2026-W49'): the dashboard reads a range of them, never the detail.
CREATE TABLE stat_counters (
    name TEXT NOT NULL,
    period TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (name, period)
) WITHOUT ROWID;

-- One row per member per community day they wrote in a community chat (written once, with the
-- day's first message); older rows are dropped after `analytics.keep_days` (the counters keep
-- the totals).
CREATE TABLE member_days (
    member_id INTEGER NOT NULL REFERENCES members (id),
    day TEXT NOT NULL,
    PRIMARY KEY (member_id, day)
) WITHOUT ROWID;

CREATE INDEX member_days_by_day ON member_days (day);

-- The first and the last community day a member was active: whether today's message is their
-- first of the day, week or month, and the week cohort they belong to. Members from before
-- this migration get their first day from created_at, as a UTC date (the timezone is not known
-- here); their last day is unknown, so their next activity counts as the first of its period.
ALTER TABLE members ADD COLUMN first_active_day TEXT;
ALTER TABLE members ADD COLUMN last_active_day TEXT;
UPDATE members SET first_active_day = date(created_at / 1000, 'unixepoch') WHERE created_at > 0;

-- Per drop: deliveries by final state, ratings and their sum, and the first delivery. Kept by
-- the triggers below, so every path that delivers or rates counts, in its own statement.
CREATE TABLE drop_stats (
    drop_id INTEGER PRIMARY KEY REFERENCES drops (id),
    sent INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    missed INTEGER NOT NULL DEFAULT 0,
    ratings INTEGER NOT NULL DEFAULT 0,
    stars INTEGER NOT NULL DEFAULT 0,
    first_sent_at INTEGER
);

CREATE INDEX drop_stats_by_first_sent ON drop_stats (first_sent_at) WHERE first_sent_at IS NOT NULL;

INSERT INTO drop_stats (drop_id, sent, failed, missed, first_sent_at)
SELECT drop_id, SUM(state = 'sent'), SUM(state = 'failed'), SUM(state = 'missed'),
       MIN(CASE WHEN state = 'sent' THEN COALESCE(sent_at, occurrence_at) END)
FROM deliveries GROUP BY drop_id;

INSERT INTO drop_stats (drop_id, ratings, stars)
SELECT drop_id, COUNT(*), SUM(stars) FROM ratings WHERE true GROUP BY drop_id
ON CONFLICT (drop_id) DO UPDATE SET ratings = excluded.ratings, stars = excluded.stars;

CREATE TRIGGER drop_stats_delivery_state AFTER UPDATE OF state ON deliveries
WHEN new.state IS NOT old.state
BEGIN
    INSERT INTO drop_stats (drop_id, sent, failed, missed, first_sent_at)
    VALUES (new.drop_id,
            (new.state = 'sent') - (old.state = 'sent'),
            (new.state = 'failed') - (old.state = 'failed'),
            (new.state = 'missed') - (old.state = 'missed'),
            CASE WHEN new.state = 'sent' THEN COALESCE(new.sent_at, new.occurrence_at) END)
    ON CONFLICT (drop_id) DO UPDATE SET
        sent = sent + excluded.sent,
        failed = failed + excluded.failed,
        missed = missed + excluded.missed,
        first_sent_at = COALESCE(MIN(first_sent_at, excluded.first_sent_at), first_sent_at, excluded.first_sent_at);
END;

CREATE TRIGGER drop_stats_delivery_added AFTER INSERT ON deliveries
WHEN new.state IN ('sent', 'failed', 'missed')
BEGIN
    INSERT INTO drop_stats (drop_id, sent, failed, missed, first_sent_at)
    VALUES (new.drop_id, new.state = 'sent', new.state = 'failed', new.state = 'missed',
            CASE WHEN new.state = 'sent' THEN COALESCE(new.sent_at, new.occurrence_at) END)
    ON CONFLICT (drop_id) DO UPDATE SET
        sent = sent + excluded.sent,
        failed = failed + excluded.failed,
        missed = missed + excluded.missed,
        first_sent_at = COALESCE(MIN(first_sent_at, excluded.first_sent_at), first_sent_at, excluded.first_sent_at);
END;

CREATE TRIGGER drop_stats_rating_added AFTER INSERT ON ratings
BEGIN
    INSERT INTO drop_stats (drop_id, ratings, stars) VALUES (new.drop_id, 1, new.stars)
    ON CONFLICT (drop_id) DO UPDATE SET ratings = ratings + 1, stars = stars + excluded.stars;
END;

CREATE TRIGGER drop_stats_rating_changed AFTER UPDATE OF stars ON ratings
BEGIN
    UPDATE drop_stats SET stars = stars + new.stars - old.stars WHERE drop_id = new.drop_id;
END;

CREATE TRIGGER drop_stats_rating_removed AFTER DELETE ON ratings
BEGIN
    UPDATE drop_stats SET ratings = ratings - 1, stars = stars - old.stars WHERE drop_id = old.drop_id;
END;

-- Deliveries by state, community-wide, for the overview and the metrics scrape: counting the
-- deliveries table itself grows with every DM drop.
CREATE TABLE delivery_states (
    state TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO delivery_states (state, n) SELECT state, COUNT(*) FROM deliveries WHERE true GROUP BY state;

CREATE TRIGGER delivery_states_added AFTER INSERT ON deliveries
BEGIN
    INSERT INTO delivery_states (state, n) VALUES (new.state, 1)
    ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER delivery_states_moved AFTER UPDATE OF state ON deliveries
WHEN new.state IS NOT old.state
BEGIN
    UPDATE delivery_states SET n = n - 1 WHERE state = old.state;
    INSERT INTO delivery_states (state, n) VALUES (new.state, 1)
    ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER delivery_states_removed AFTER DELETE ON deliveries
BEGIN
    UPDATE delivery_states SET n = n - 1 WHERE state = old.state;
END;

-- Members not erased, as ('members', 'all') in stat_counters, kept by triggers: counting a
-- million rows took a tenth of a second on every dashboard and metrics scrape.
INSERT INTO stat_counters (name, period, value)
SELECT 'members', 'all', COUNT(*) FROM members WHERE erased_at IS NULL;

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

-- Running memberships by tier, read by the dashboard and the metrics scrape.
CREATE INDEX memberships_running_by_tier ON memberships (tier) WHERE ended_at IS NULL;
