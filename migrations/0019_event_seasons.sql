-- An event may open a season: at its start the scheduler starts a season named after it that
-- ends with it, announced (start and end) in the chat the event was created in.

ALTER TABLE events ADD COLUMN opens_season INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN season_platform TEXT;
ALTER TABLE events ADD COLUMN season_chat TEXT;
-- Set once the season was started (or refused): the start is tried once.
ALTER TABLE events ADD COLUMN season_done INTEGER NOT NULL DEFAULT 0;

CREATE INDEX events_opening_seasons ON events (starts_at) WHERE opens_season = 1 AND season_done = 0;
