//! Stripe, a card payments provider: hosted checkouts, cancelling renewal and refunds through
//! its API (`client.rs`, reqwest plus hmac and subtle rather than a full SDK: Steward uses four
//! endpoints), its signed webhook deliveries (`signature.rs`, `webhook.rs`), poll mode
//! (`poll.rs`), and its events translated for the engine (`events.rs`). It only translates.

// The layers below, under the names the adapter's paths use.
use steward_config as config;
use steward_core as core;
use steward_engine as engine;
use steward_i18n::msg;

pub mod client;
pub mod events;
pub mod poll;
pub mod signature;
pub mod webhook;

pub use client::StripeClient;
