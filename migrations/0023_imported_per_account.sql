-- XP imported from other bots is a figure per account and source (`mee6`, `json`): importing a
-- corrected file moves each account to the file's figure instead of adding the whole file again.
-- `imports` stays the record of each run (by the file's hash).
CREATE TABLE imported_xp (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    source TEXT NOT NULL,
    xp INTEGER NOT NULL,
    imported_at INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id, source)
) WITHOUT ROWID;

-- What was imported before, from the ledger's `import` rows (their reason is the source). The
-- account is the member's first one off the console (a MEE6 import's Discord account first):
-- imports made each member one account, so this is the one they came in by unless the member
-- linked another since.
WITH imported (member_id, source, xp, at) AS (
    SELECT member_id, reason, sum(delta_xp), max(at) FROM ledger
    WHERE kind = 'import' AND reason IN ('mee6', 'json')
    GROUP BY member_id, reason
),
placed (account, source, xp, at) AS (
    SELECT coalesce(
               (SELECT a.rowid FROM accounts AS a
                WHERE a.member_id = i.member_id AND a.platform = 'discord' AND i.source = 'mee6'
                ORDER BY a.rowid LIMIT 1),
               (SELECT a.rowid FROM accounts AS a
                WHERE a.member_id = i.member_id AND a.platform != 'console'
                ORDER BY a.rowid LIMIT 1)),
           source, xp, at
    FROM imported AS i
)
INSERT INTO imported_xp (platform, user_id, source, xp, imported_at)
SELECT a.platform, a.user_id, p.source, sum(p.xp), max(p.at)
FROM placed AS p JOIN accounts AS a ON a.rowid = p.account
GROUP BY a.platform, a.user_id, p.source;
