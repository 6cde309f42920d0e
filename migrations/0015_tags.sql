-- Tags on drops (and so on lessons): what `/drops tag X` filters by and what recommendations
-- read as a member's taste.

CREATE TABLE drop_tags (
    drop_id INTEGER NOT NULL REFERENCES drops (id),
    tag TEXT NOT NULL,
    PRIMARY KEY (drop_id, tag)
) WITHOUT ROWID;

CREATE INDEX drop_tags_by_tag ON drop_tags (tag, drop_id);
