-- Members' rights: erasure (with its confirmation step and its log) and the export's reach.

-- Erasure and linking find the rows a member caused (thanks given, grants made) by these.
CREATE INDEX ledger_by_actor ON ledger (actor_member_id) WHERE actor_member_id IS NOT NULL;
CREATE INDEX thanks_by_receiver ON thanks (receiver_id);

-- Set when the member was erased: the row stays, nameless and hidden, so the ledger's rows
-- keep a member to belong to and the community's totals still add up.
ALTER TABLE members ADD COLUMN erased_at INTEGER;

-- An erasure asked for and waiting for its confirmation (`/privacy delete confirm`).
CREATE TABLE erasure_requests (
    member_id INTEGER PRIMARY KEY REFERENCES members (id),
    -- Who asked: the member, or an operator acting on the member's request.
    requested_by INTEGER NOT NULL,
    -- 1 = also end the member's running memberships (and their access) now.
    end_memberships INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

-- Every erasure carried out, for the operators' audit. `member_id` is the erased (now
-- anonymous) member row; `requested_by` the operator, or the member themselves.
CREATE TABLE erasures (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL,
    requested_by INTEGER NOT NULL,
    by_operator INTEGER NOT NULL,
    ended_memberships INTEGER NOT NULL,
    -- The fresh member the running memberships (and the accounts they need) moved to, if kept.
    kept_with INTEGER,
    at INTEGER NOT NULL
);
