-- The media of the message a drop was made from (a reply with /drop, Discord's "Schedule as
-- drop"): each file's kind, name, type, size and where its platform keeps it, in the message's
-- order. Listed by /drop show; the files themselves are fetched and delivered in later steps.
CREATE TABLE drop_media (
    drop_id INTEGER NOT NULL REFERENCES drops (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT,
    size INTEGER,
    source TEXT NOT NULL,
    PRIMARY KEY (drop_id, position)
);
