-- Operator rights on the web are decided at each request, from the session's member (config
-- operators) and what the platform said when /web was asked (`platform_admin`): the stored
-- answer `operator` is dropped, so no session keeps rights that were taken away since.
-- Sessions from before this start as a platform admin's only if /web is sent again.

ALTER TABLE web_logins ADD COLUMN platform_admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE web_logins DROP COLUMN operator;
ALTER TABLE web_sessions ADD COLUMN platform_admin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE web_sessions DROP COLUMN operator;
