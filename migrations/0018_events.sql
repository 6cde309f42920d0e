-- Events (hackathons, quarterly challenges, study sessions): a window of time, a check-in code
-- valid only inside it, and the XP a check-in pays once per member. Members join to be
-- reminded before the start; checking in joins too.

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    xp INTEGER NOT NULL,
    -- Members below this tier may not join (NULL: everyone).
    tier TEXT,
    code TEXT NOT NULL UNIQUE,
    created_by INTEGER REFERENCES members (id),
    created_at INTEGER NOT NULL
);

CREATE INDEX events_by_end ON events (ends_at);

CREATE TABLE event_members (
    event_id INTEGER NOT NULL REFERENCES events (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    joined_at INTEGER NOT NULL,
    checked_in_at INTEGER,
    -- Whether the reminder before the start went out (or was not needed).
    reminded INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, member_id)
) WITHOUT ROWID;

CREATE INDEX event_members_to_remind ON event_members (event_id) WHERE reminded = 0;
CREATE INDEX event_members_by_member ON event_members (member_id);
