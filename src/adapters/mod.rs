//! Adapters translate a platform's events into engine [`Event`](crate::engine::Event)s and the
//! engine's actions into the platform's calls. They hold no business rules.

pub mod console;
pub mod discord;
pub mod router;
pub mod stripe;
pub mod telegram;
pub mod web;
