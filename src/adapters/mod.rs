//! Adapters translate a platform's events into engine [`Event`](crate::engine::Event)s and the
//! engine's actions into the platform's calls. They hold no business rules. Each is a crate of
//! its own (`crates/steward-console`, `-telegram`, `-discord`, `-web`, `-stripe`): it reaches
//! state only through the engine, and no adapter can import another (the web's payment
//! webhooks use the Stripe adapter's signature check, the one dependency between them). The
//! router that sends each action to its platform's adapter is the binary's wiring.

pub use steward_console as console;
pub use steward_discord as discord;
pub use steward_stripe as stripe;
pub use steward_telegram as telegram;
pub use steward_web as web;
