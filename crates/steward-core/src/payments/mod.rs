//! Selling tiers: plans as the config names them, the signed reference an invoice carries
//! (`reference.rs`), and the decisions on a payment (`decide.rs`): whether a checkout may go
//! ahead, and how long a payment makes a membership run; and what a renewing card
//! subscription's state does to a membership (`renewal.rs`); what a paid source's time is worth
//! to a membership in any order of its facts (`credit.rs`); promo codes (`promo.rs`).

pub mod credit;
pub mod decide;
pub mod gift_code;
pub mod promo;
pub mod raw;
pub mod reference;
pub mod renewal;

use chrono::Duration;

use super::duration::Term;

/// The only subscription period Telegram Stars offers: 30 days, in seconds.
pub const STARS_SUBSCRIPTION_SECS: u32 = 2_592_000;

/// A plan on sale: a tier for a term, with its prices per provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub id: String,
    pub tier: String,
    pub term: Term,
    /// Telegram Stars per term.
    pub stars: Option<u32>,
    /// A Stripe Price id.
    pub stripe_price: Option<String>,
    /// A one-time Stripe Price for one term, for gift codes bought by card.
    pub stripe_gift_price: Option<String>,
    /// How long access stays after a renewal fails.
    pub grace: Duration,
    /// A free first period of a card subscription, once per member and plan.
    pub trial: Option<Duration>,
    /// A Discord App Subscription SKU whose entitlement gives the tier.
    pub discord_sku: Option<String>,
    /// Sold as team seats: `stars` is the price of one seat for one term, and the plan is
    /// bought with `/team create`, not `/subscribe`.
    pub seats: bool,
}

impl Plan {
    /// Whether paying in Stars renews by itself: only a 30-day plan can be a Stars
    /// subscription; other terms are paid once.
    #[must_use]
    pub fn stars_renews(&self) -> bool {
        self.term == Term::For(Duration::seconds(i64::from(STARS_SUBSCRIPTION_SECS)))
    }
}

/// Who takes the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    TelegramStars,
    Stripe,
    /// A platform's own store (Discord App Subscriptions).
    DiscordSku,
}

impl Provider {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TelegramStars => "telegram_stars",
            Self::Stripe => "stripe",
            Self::DiscordSku => "discord",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        [Self::TelegramStars, Self::Stripe, Self::DiscordSku]
            .into_iter()
            .find(|p| p.as_str() == text)
    }
}
