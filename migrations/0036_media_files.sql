-- The files drops carry, fetched once at scheduling into the media folder under their SHA-256:
-- a drop's file names its stored content; the folder's bytes are counted here, so `media.max_bytes`
-- bounds the folder without walking it, and a file no drop needs any more can be found and
-- removed (`media.keep_days`).
ALTER TABLE drop_media ADD COLUMN sha256 TEXT;
-- The platform keeping the file (a typed drop's file is on the platform it was typed on, and
-- the drop copies no message); NULL on older rows: the drop's source message's platform.
ALTER TABLE drop_media ADD COLUMN platform TEXT;
-- Until when links to this file sent in place of an upload stay good: it is kept till then.
ALTER TABLE drop_media ADD COLUMN linked_until INTEGER;

CREATE TABLE media_files (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    stored_at INTEGER NOT NULL
);

CREATE INDEX drop_media_by_sha ON drop_media (sha256);

-- The files of a member's submission (`/submit` replying to a message with an attachment):
-- theirs, exported and erased with them; approved, they become the drop's (`drop_media`).
CREATE TABLE submission_media (
    submission_id INTEGER NOT NULL REFERENCES submissions (id),
    position INTEGER NOT NULL,
    platform TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT,
    size INTEGER,
    source TEXT NOT NULL,
    PRIMARY KEY (submission_id, position)
);
