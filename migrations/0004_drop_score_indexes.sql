-- Rankings are served from the in-memory order-statistic index (core::rank_index), loaded at
-- start by member id. The score-ordered B-tree indexes had no reader left but cost every award
-- two to four random page writes (the old and new position of each score), so they go.
-- Archived season pages sort their board's rows on demand (the primary key narrows to the board).
DROP INDEX IF EXISTS members_by_score;
DROP INDEX IF EXISTS period_scores_by_score;
