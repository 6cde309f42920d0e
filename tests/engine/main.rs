//! Integration tests of the engine on a real SQLite file (WAL) in a temp dir.

mod concurrency;
mod daily;
mod helpers;
mod identity;
mod message_xp;
mod operators;
mod ranking;
mod restart;
mod robustness;
mod seasons;
mod thanks;
