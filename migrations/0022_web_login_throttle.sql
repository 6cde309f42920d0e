-- `/web` sends at most one login link a minute to a member, and a new link cancels the old:
-- the cooldown is counted from when the member's live link was made. Links from before this
-- have 0 and hold no cooldown.

ALTER TABLE web_logins ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
