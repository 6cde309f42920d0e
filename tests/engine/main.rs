//! Integration tests of the engine on a real SQLite file (WAL) in a temp dir.

mod analytics;
mod award_log;
mod concurrency;
mod courses;
mod daily;
mod drops;
mod feedback;
mod helpers;
mod identity;
mod import;
mod ingest;
mod language;
mod language_membership;
mod membership;
mod message_xp;
mod operators;
mod payments;
mod privacy;
mod ranking;
mod restart;
mod robustness;
mod scheduler;
mod seasons;
mod shop;
mod tags;
mod thanks;
