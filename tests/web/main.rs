//! The web side over real HTTP: a real server on 127.0.0.1, a real engine on a SQLite file,
//! a recording platform that catches the login links `/web` sends.

// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]

mod access;
mod access_walk;
mod browser;
mod browser_dashboard;
mod cdp;
mod certificates;
mod cross_site;
mod dashboard;
mod fake_stripe;
mod harness;
mod invite;
mod limits;
mod media;
mod metrics;
mod pages;
mod questions;
mod reads;
mod rejections;
mod search;
mod segments;
mod sessions;
mod stripe;
mod stripe_deliveries;
mod stripe_gifts;
mod stripe_portal;
mod stripe_prices;
mod stripe_promos;
mod subscribers;
mod transport;
