#![recursion_limit = "256"]
//! Test doubles for Steward's engine, kept out of the production binary: a dev-dependency of
//! the tests and of `steward bench` (its `bench` feature).
//!
//! - [`RecordingPlatform`]: a `ChatPlatform` that records every action the engine took.
//! - [`ManualClock`]: a clock that moves only when told to.
//! - [`fake_telegram`] and [`fake_discord`]: the platforms' servers on 127.0.0.1, for the real
//!   teloxide and serenity clients, answering as Telegram and Discord document (limits included).
//! - [`waiting`]: waiting, with a deadline, for the engine to have seen what a test sent.
//!
//! The synthetic communities the bench and the tests load are the store's `bulk` feature.

mod clock;
pub mod fake_discord;
pub mod fake_telegram;
pub mod multipart;
mod rate_window;
mod recording;
pub mod waiting;

pub use clock::ManualClock;
pub use recording::{RecordingPlatform, Sent};

/// A test double's lock: a test that panicked while holding it has already failed, so the
/// others carry on with the data.
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
