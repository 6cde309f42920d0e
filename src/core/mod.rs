//! Pure domain rules. Nothing here does I/O, awaits, or knows a platform or the database;
//! time and randomness come in as arguments.

pub mod analytics;
pub mod chats;
pub mod commands;
pub mod courses;
pub mod daily;
pub mod drops;
pub mod duration;
pub mod ids;
pub mod import;
pub mod levels;
pub mod link;
pub mod message_batch;
pub mod name_search;
pub mod names;
pub mod payments;
pub mod periods;
pub mod points;
pub mod privacy;
pub mod rank_index;
pub mod recommend;
pub mod scoring;
pub mod tags;
pub mod thanks;
pub mod tiers;
pub mod web_access;
pub mod words;
