-- Logging in to the web pages without OAuth: `/web` in chat sends a single-use link whose
-- token is stored only as its SHA-256; opening it starts a session, likewise stored hashed.

CREATE TABLE web_logins (
    token_hash TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    -- 1 = asked from an operator's account: the session may open the dashboard.
    operator INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE web_sessions (
    session_hash TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    operator INTEGER NOT NULL,
    -- Sent in every form; a POST must carry it back.
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX web_sessions_by_member ON web_sessions (member_id);
CREATE INDEX web_logins_by_member ON web_logins (member_id);
