//! Decisions on payments: whether a checkout may go ahead (the plan still on sale, the
//! reference signed by this community, the amount and currency the plan's), and until when a
//! payment makes the membership run.

use chrono::{DateTime, Utc};

use super::{Plan, Provider};
use crate::core::duration::Term;
use crate::core::tiers::{self, AlreadyLifetime, Membership};

/// Telegram Stars' currency code.
pub const STARS_CURRENCY: &str = "XTR";

/// Why a checkout is refused; the payer is told which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckoutRefusal {
    /// The plan is gone from the config, or has no price with this provider.
    NotOnSale,
    /// The invoice's reference was not signed by this community.
    BadReference,
    /// The amount or currency is not the plan's.
    WrongPrice,
    /// The member already holds the tier for life.
    AlreadyLifetime,
}

/// A checkout for `plan` (as the reference names it, `None` if no plan has that id).
pub fn checkout(
    plan: Option<&Plan>,
    provider: Provider,
    amount: u64,
    currency: &str,
    current: Option<&Membership>,
    now: DateTime<Utc>,
) -> Result<(), CheckoutRefusal> {
    let plan = plan.ok_or(CheckoutRefusal::NotOnSale)?;
    match provider {
        Provider::TelegramStars => {
            let stars = plan.stars.ok_or(CheckoutRefusal::NotOnSale)?;
            if currency != STARS_CURRENCY || amount != u64::from(stars) {
                return Err(CheckoutRefusal::WrongPrice);
            }
        }
        Provider::Stripe => {
            if plan.stripe_price.is_none() {
                return Err(CheckoutRefusal::NotOnSale);
            }
        }
        Provider::DiscordSku => {
            if plan.discord_sku.is_none() {
                return Err(CheckoutRefusal::NotOnSale);
            }
        }
    }
    if current.is_some_and(|m| m.is_active(now) && m.expires_at.is_none()) {
        return Err(CheckoutRefusal::AlreadyLifetime);
    }
    Ok(())
}

/// Until when a payment makes the membership run (`None`: for life). A provider that names the
/// paid period's end (a Stars subscription, a Stripe invoice) is followed, never shortening
/// what already runs; otherwise the plan's term is added as a grant adds it.
pub fn paid_until(
    current: Option<&Membership>,
    term: Term,
    provider_until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, AlreadyLifetime> {
    let Some(until) = provider_until else {
        return tiers::extended(current, term, now);
    };
    let running = current.filter(|m| m.is_active(now));
    match running.map(|m| m.expires_at) {
        Some(None) => Err(AlreadyLifetime),
        Some(Some(end)) => Ok(Some(end.max(until))),
        None => Ok(Some(until)),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn plan() -> Plan {
        Plan {
            id: "pro-month".into(),
            tier: "pro".into(),
            term: Term::For(Duration::days(30)),
            stars: Some(500),
            stripe_price: None,
            grace: Duration::days(3),
            trial: None,
            discord_sku: None,
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn a_checkout_needs_the_plans_price_in_stars() {
        let p = plan();
        let stars = Provider::TelegramStars;
        assert_eq!(checkout(Some(&p), stars, 500, "XTR", None, now()), Ok(()));
        assert_eq!(
            checkout(Some(&p), stars, 1, "XTR", None, now()),
            Err(CheckoutRefusal::WrongPrice)
        );
        assert_eq!(
            checkout(Some(&p), stars, 500, "USD", None, now()),
            Err(CheckoutRefusal::WrongPrice)
        );
        assert_eq!(
            checkout(None, stars, 500, "XTR", None, now()),
            Err(CheckoutRefusal::NotOnSale)
        );
        assert_eq!(
            checkout(Some(&p), Provider::Stripe, 500, "usd", None, now()),
            Err(CheckoutRefusal::NotOnSale)
        );
    }

    #[test]
    fn a_lifetime_member_is_not_charged_again() {
        let forever = Membership {
            tier: "pro".into(),
            expires_at: None,
        };
        assert_eq!(
            checkout(
                Some(&plan()),
                Provider::TelegramStars,
                500,
                "XTR",
                Some(&forever),
                now()
            ),
            Err(CheckoutRefusal::AlreadyLifetime)
        );
    }

    #[test]
    fn a_provider_period_end_is_followed_without_shortening() {
        let until = now() + Duration::days(30);
        let month = Term::For(Duration::days(30));
        assert_eq!(paid_until(None, month, Some(until), now()), Ok(Some(until)));
        let longer = Membership {
            tier: "pro".into(),
            expires_at: Some(now() + Duration::days(45)),
        };
        assert_eq!(
            paid_until(Some(&longer), month, Some(until), now()),
            Ok(longer.expires_at)
        );
        // Without a period end, the term is added to what runs.
        assert_eq!(
            paid_until(Some(&longer), month, None, now()),
            Ok(Some(now() + Duration::days(75)))
        );
    }
}
