// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]
#![recursion_limit = "256"]
//! End-to-end tests of the Discord adapter: the real serenity client against an in-repo fake
//! Discord (REST and a `ws://` gateway) on 127.0.0.1, a real engine, a real SQLite file.
//! `cargo test discord` selects them all.

mod broadcasts;
mod drops;
mod harness;
mod kill_upload;
mod language;
mod media;
mod membership;
mod payments;
mod points;
mod privacy;
mod questions;
mod recommend;
mod resilience;
mod run_binary;
mod web;

use steward_testkit::fake_discord::{self, payloads};
use steward_testkit::fake_telegram as fake_bot_api;
