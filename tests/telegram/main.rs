//! End-to-end tests of the Telegram adapter: the real teloxide client against a local Bot API
//! peer on 127.0.0.1, a real engine and scheduler, a real SQLite file.

// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]

mod broadcasts;
mod drops;
mod drops_in_flight;
mod harness;
mod language;
mod membership;
mod payments;
mod points;
mod privacy;
mod questions;
mod recommend;
mod resilience;
mod web;

use steward_testkit::fake_telegram as fake_bot_api;
