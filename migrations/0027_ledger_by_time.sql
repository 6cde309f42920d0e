-- The dashboard's top contributors read the XP earned in a range of time: without an index on
-- `at` that is a scan of the whole ledger.
CREATE INDEX ledger_by_time ON ledger (at);
