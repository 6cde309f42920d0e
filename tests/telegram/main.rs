//! End-to-end tests of the Telegram adapter: the real teloxide client against a local Bot API
//! peer on 127.0.0.1, a real engine and scheduler, a real SQLite file.

mod drops;
mod fake_bot_api;
mod harness;
mod language;
mod membership;
mod payments;
mod points;
mod privacy;
mod recommend;
mod resilience;
mod web;
