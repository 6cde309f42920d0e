-- Members' submissions (a tip, an article, a question worth answering) waiting for review.
-- Nothing here is posted until an operator approves it: approval turns it into a drop
-- (`drop_id`) and pays the author contribution XP; a rejection keeps the reason told to them.

CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    text TEXT NOT NULL,
    -- The message shared by replying with /submit, copied with its formatting on approval.
    source_platform TEXT,
    source_chat TEXT,
    source_message TEXT,
    submitted_at INTEGER NOT NULL,
    -- pending -> approved | rejected
    state TEXT NOT NULL DEFAULT 'pending',
    decided_by INTEGER REFERENCES members (id),
    decided_at INTEGER,
    reason TEXT,
    drop_id INTEGER REFERENCES drops (id)
);

CREATE INDEX submissions_pending ON submissions (id) WHERE state = 'pending';
CREATE INDEX submissions_by_member ON submissions (member_id, state);
