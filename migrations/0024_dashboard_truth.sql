-- Figures the dashboard had wrong (issue #30).
--
-- Reach: the distinct members a drop reached, not its deliveries (a repeat delivered twice to
-- one member read "rated by 200%"). A member is reached by a DM delivery that was sent, or, for
-- a drop posted in a chat (whose readers are not known), by rating it or marking its lesson
-- done. One row per (drop, member), kept by triggers; `drop_stats.reached` counts them, and
-- `drop_stats.done` counts lessons done, so "rated by" and "done by" are shares of the reach.
CREATE TABLE drop_reach (
    drop_id INTEGER NOT NULL REFERENCES drops (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    PRIMARY KEY (drop_id, member_id)
) WITHOUT ROWID;

CREATE INDEX drop_reach_by_member ON drop_reach (member_id);

ALTER TABLE drop_stats ADD COLUMN reached INTEGER NOT NULL DEFAULT 0;
ALTER TABLE drop_stats ADD COLUMN done INTEGER NOT NULL DEFAULT 0;

INSERT OR IGNORE INTO drop_reach (drop_id, member_id)
SELECT drop_id, CAST(substr(target, 4) AS INTEGER) FROM deliveries
WHERE state = 'sent' AND target LIKE 'dm:%'
AND CAST(substr(target, 4) AS INTEGER) IN (SELECT id FROM members);

INSERT OR IGNORE INTO drop_reach (drop_id, member_id) SELECT drop_id, member_id FROM ratings;
INSERT OR IGNORE INTO drop_reach (drop_id, member_id) SELECT drop_id, member_id FROM lessons_done;

INSERT INTO drop_stats (drop_id, reached)
SELECT drop_id, COUNT(*) FROM drop_reach WHERE true GROUP BY drop_id
ON CONFLICT (drop_id) DO UPDATE SET reached = excluded.reached;

INSERT INTO drop_stats (drop_id, done)
SELECT drop_id, COUNT(*) FROM lessons_done WHERE true GROUP BY drop_id
ON CONFLICT (drop_id) DO UPDATE SET done = excluded.done;

-- A row that is already there (OR IGNORE) fires nothing: each member is counted once.
CREATE TRIGGER drop_reach_added AFTER INSERT ON drop_reach
BEGIN
    INSERT INTO drop_stats (drop_id, reached) VALUES (new.drop_id, 1)
    ON CONFLICT (drop_id) DO UPDATE SET reached = reached + 1;
END;

CREATE TRIGGER drop_reach_by_dm AFTER UPDATE OF state ON deliveries
WHEN new.state = 'sent' AND old.state IS NOT 'sent' AND new.target LIKE 'dm:%'
BEGIN
    INSERT OR IGNORE INTO drop_reach (drop_id, member_id)
    SELECT new.drop_id, id FROM members WHERE id = CAST(substr(new.target, 4) AS INTEGER);
END;

CREATE TRIGGER drop_reach_by_dm_added AFTER INSERT ON deliveries
WHEN new.state = 'sent' AND new.target LIKE 'dm:%'
BEGIN
    INSERT OR IGNORE INTO drop_reach (drop_id, member_id)
    SELECT new.drop_id, id FROM members WHERE id = CAST(substr(new.target, 4) AS INTEGER);
END;

CREATE TRIGGER drop_reach_by_rating AFTER INSERT ON ratings
BEGIN
    INSERT OR IGNORE INTO drop_reach (drop_id, member_id) VALUES (new.drop_id, new.member_id);
END;

CREATE TRIGGER drop_stats_lesson_done AFTER INSERT ON lessons_done
BEGIN
    INSERT OR IGNORE INTO drop_reach (drop_id, member_id) VALUES (new.drop_id, new.member_id);
    INSERT INTO drop_stats (drop_id, done) VALUES (new.drop_id, 1)
    ON CONFLICT (drop_id) DO UPDATE SET done = done + 1;
END;

CREATE TRIGGER drop_stats_lesson_undone AFTER DELETE ON lessons_done
BEGIN
    UPDATE drop_stats SET done = done - 1 WHERE drop_id = old.drop_id;
END;

-- Commands are counted apart from chat lines from now on ('commands' per day); the days
-- before counted both as 'messages' and stay so.
--
-- Rolling actives: ('wau', day) and ('mau', day) are the distinct members active in the 7 and
-- 30 days ending on that day, kept by the activity flush. The days the kept detail covers are
-- filled from it here; earlier days have no rolling count.
INSERT INTO stat_counters (name, period, value)
SELECT 'wau', date(m.day, '+' || k.n || ' days'), COUNT(DISTINCT m.member_id)
FROM member_days m,
     (WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 6) SELECT n FROM k) k
WHERE true GROUP BY 2
ON CONFLICT (name, period) DO UPDATE SET value = excluded.value;

INSERT INTO stat_counters (name, period, value)
SELECT 'mau', date(m.day, '+' || k.n || ' days'), COUNT(DISTINCT m.member_id)
FROM member_days m,
     (WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 29) SELECT n FROM k) k
WHERE true GROUP BY 2
ON CONFLICT (name, period) DO UPDATE SET value = excluded.value;
