//! Integration tests of the engine on a real SQLite file (WAL) in a temp dir.

// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]

mod access_walk;
mod analytics;
mod award_log;
mod backups;
mod broadcasts;
mod certificates;
mod concurrency;
mod contributors;
mod courses;
mod daily;
mod dashboard_truth;
mod drop_media;
mod drops;
mod events;
mod feedback;
mod gifts;
mod helpers;
mod identity;
mod import;
mod ingest;
mod language;
mod language_membership;
mod link_paid;
mod logs;
mod media_store;
mod membership;
mod message_xp;
mod objectives;
mod operators;
mod paid_time;
mod payment_checks;
mod payments;
mod privacy;
mod promos;
mod questions;
mod ranking;
mod recommend;
mod referrals;
mod restart;
mod robustness;
mod scheduler;
mod seasons;
mod shop;
mod stars_refunds;
mod submissions;
mod tags;
mod teams;
mod thanks;
mod unfolded_reads;
mod wording;
