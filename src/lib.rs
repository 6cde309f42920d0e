//! Steward: one community's points, ranking, memberships and drops, on Discord, Telegram and a
//! console.
//!
//! - [`core`]: pure rules (levels, points, periods, commands, the rank index); no I/O.
//! - [`store`]: SQLite through sqlx; the only place with SQL.
//! - [`engine`]: turns platform-neutral events into decisions, writes and platform actions.
//! - [`adapters`]: the console, Telegram and Discord, translating events in and out.
//! - [`config`]: `steward.toml`, its defaults and its validation.
//! - [`i18n`]: the locales (`locales/*/`): every text members read, in their language.

pub mod adapters;
/// `steward bench` (the `bench` feature): not in a production build.
#[cfg(feature = "bench")]
pub mod bench;

pub use steward_card as card;
pub use steward_config as config;
/// The pure rules, a crate of their own: they cannot import the store, the engine or a platform.
pub use steward_core as core;
/// The service, a crate of its own: it cannot import an adapter.
pub use steward_engine as engine;
/// The locales, a crate of their own.
pub use steward_i18n as i18n;
pub use steward_i18n::{msg, tr};
pub use steward_store as store;

#[cfg(test)]
mod locale_checks;
