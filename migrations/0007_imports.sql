-- XP brought from other bots (`steward import`): one row per file imported, by its SHA-256, so
-- importing the same file again changes nothing. Its XP is in the ledger as kind 'import' rows
-- whose reference is this hash.
CREATE TABLE imports (
    hash TEXT PRIMARY KEY,
    format TEXT NOT NULL,
    imported_at INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    xp INTEGER NOT NULL
) WITHOUT ROWID;
