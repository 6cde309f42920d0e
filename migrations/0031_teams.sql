-- Team seats: a company buys (or an operator grants) a plan for SEATS members at once. The
-- team's manager fills the seats; each seat gives the plan's tier while the team runs. A seat
-- is not a membership: removing it takes back only what the seat gave, never time the member
-- bought for themselves.
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    plan TEXT NOT NULL,
    -- The plan's tier when the team was made: what each seat gives.
    tier TEXT NOT NULL,
    seats INTEGER NOT NULL,
    -- The member who adds and removes seats and sees the seats' learning progress.
    manager_id INTEGER NOT NULL REFERENCES members (id),
    created_by INTEGER NOT NULL REFERENCES members (id),
    created_at INTEGER NOT NULL,
    -- NULL until paid (a member's checkout); an operator's team starts when made.
    started_at INTEGER,
    -- NULL = for life (once started).
    expires_at INTEGER,
    -- When its end (lapse or refund) was processed and the seats' access removed.
    ended_at INTEGER,
    -- The closest reminder of its end already sent to its manager, in seconds before the end;
    -- set anew whenever the end moves.
    reminded_secs INTEGER
);

CREATE INDEX teams_running_by_expiry ON teams (expires_at)
    WHERE ended_at IS NULL AND started_at IS NOT NULL;
CREATE INDEX teams_by_manager ON teams (manager_id) WHERE ended_at IS NULL;

-- Each payment that started or renewed a team, and the end it moved the team's time from and
-- to: a refund takes back exactly that (a start's refund ends the team).
CREATE TABLE team_payments (
    payment_id INTEGER PRIMARY KEY REFERENCES payments (id),
    team_id INTEGER NOT NULL REFERENCES teams (id),
    -- NULL: the payment started the team.
    expires_before INTEGER,
    -- NULL: for life.
    expires_after INTEGER
);

-- Every seat ever held: who, added by whom and when, removed by whom and when. The rows are
-- the seats' ledger; a seat is free again once its row is removed.
CREATE TABLE team_seats (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES teams (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    added_at INTEGER NOT NULL,
    added_by INTEGER REFERENCES members (id),
    removed_at INTEGER,
    removed_by INTEGER REFERENCES members (id)
);

CREATE UNIQUE INDEX team_seats_held ON team_seats (team_id, member_id) WHERE removed_at IS NULL;
CREATE INDEX team_seats_by_member ON team_seats (member_id) WHERE removed_at IS NULL;
