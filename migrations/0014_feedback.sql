-- Written feedback on a drop, for the operators: who wrote it and what. Counted per drop beside
-- the ratings (by trigger, like the ratings). An erasure deletes a member's feedback: it is
-- their words.

CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    drop_id INTEGER NOT NULL REFERENCES drops (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    text TEXT NOT NULL,
    at INTEGER NOT NULL
);

CREATE INDEX feedback_by_drop ON feedback (drop_id, id);
CREATE INDEX feedback_by_member ON feedback (member_id, drop_id);

ALTER TABLE drop_stats ADD COLUMN feedback INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER drop_stats_feedback_added AFTER INSERT ON feedback
BEGIN
    INSERT INTO drop_stats (drop_id, feedback) VALUES (new.drop_id, 1)
    ON CONFLICT (drop_id) DO UPDATE SET feedback = feedback + 1;
END;

CREATE TRIGGER drop_stats_feedback_removed AFTER DELETE ON feedback
BEGIN
    UPDATE drop_stats SET feedback = feedback - 1 WHERE drop_id = old.drop_id;
END;
