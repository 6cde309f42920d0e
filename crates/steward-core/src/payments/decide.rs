//! Decisions on payments: whether a checkout may go ahead (the plan still on sale, the
//! reference signed by this community, the amount and currency the plan's), and until when a
//! payment makes the membership run.

use chrono::{DateTime, Utc};

use super::{Plan, Provider};
use crate::duration::Term;
use crate::tiers::{self, AlreadyLifetime, Membership};

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

/// Why a payment does not pay for the plan its reference names: nothing is granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceMismatch {
    /// Not the plan's currency (Stars: `XTR`).
    Currency,
    /// Not the plan's amount (Stars), nor the price its subscription began at (a renewal).
    Amount,
    /// The provider's lines name another price than the plan's (Stripe), or none.
    Price,
    /// A first payment whose reference is too old to start a purchase, or from before
    /// references carried a date: copied from an old invoice or replayed.
    StaleReference,
}

/// What a provider says was paid.
#[derive(Debug, Clone, Copy)]
pub struct Paid<'a> {
    pub amount: u64,
    pub currency: &'a str,
    /// The price ids on the payment's lines (a Stripe Checkout Session's line items, an
    /// invoice's lines); empty where the provider has none (Stars).
    pub prices: &'a [String],
    /// For a renewal of a subscription: what its first payment paid. Telegram renews a Stars
    /// subscription at the price it began with, even after the plan's price changed.
    pub began_at: Option<u64>,
    /// The Stars price a promo code set for this purchase (the one its use was taken at): the
    /// price to pay instead of the plan's.
    pub promo_price: Option<u64>,
    /// The seats a team's payment is for: the plan's Stars price is per seat.
    pub seats: Option<u32>,
    /// A gift code's payment: by card, the plan's gift Price is charged.
    pub gift_code: bool,
}

/// Whether `paid` pays for `plan`. Stars: the currency is `XTR` and the amount the plan's, or
/// the promo's where the reference names one (or, for a renewal, the subscription's first
/// payment's). Stripe: every line is the plan's
/// Price, and there is one; a discount the operator set up in Stripe is theirs to give, so
/// the amount is not compared.
pub fn pays_for(plan: &Plan, provider: Provider, paid: &Paid<'_>) -> Result<(), PriceMismatch> {
    match provider {
        Provider::TelegramStars => {
            if paid.currency != STARS_CURRENCY {
                return Err(PriceMismatch::Currency);
            }
            let seats = u64::from(paid.seats.unwrap_or(1));
            let on_sale = paid
                .promo_price
                .or(plan.stars.map(|stars| u64::from(stars) * seats));
            if on_sale != Some(paid.amount) && paid.began_at != Some(paid.amount) {
                return Err(PriceMismatch::Amount);
            }
            Ok(())
        }
        Provider::Stripe => {
            let price = if paid.gift_code {
                plan.stripe_gift_price.as_deref()
            } else {
                plan.stripe_price.as_deref()
            };
            let price = price.ok_or(PriceMismatch::Price)?;
            if paid.prices.is_empty() || paid.prices.iter().any(|p| p != price) {
                return Err(PriceMismatch::Price);
            }
            Ok(())
        }
        // Discord does not tell bots the price: the SKU is the check.
        Provider::DiscordSku => Ok(()),
    }
}

/// A checkout for `plan` (as the reference names it, `None` if no plan has that id), at the
/// promo's price where the reference names a promo.
pub fn checkout(
    plan: Option<&Plan>,
    provider: Provider,
    paid: &Paid<'_>,
    current: Option<&Membership>,
    now: DateTime<Utc>,
) -> Result<(), CheckoutRefusal> {
    let plan = plan.ok_or(CheckoutRefusal::NotOnSale)?;
    match provider {
        Provider::TelegramStars => {
            plan.stars.ok_or(CheckoutRefusal::NotOnSale)?;
            pays_for(plan, provider, paid).map_err(|_| CheckoutRefusal::WrongPrice)?;
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
            seats: false,
            stripe_gift_price: None,
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    fn paying(amount: u64, currency: &'static str, promo_price: Option<u64>) -> Paid<'static> {
        Paid {
            amount,
            currency,
            prices: &[],
            began_at: None,
            promo_price,
            seats: None,
            gift_code: false,
        }
    }

    #[test]
    fn a_checkout_with_a_promo_pays_the_promos_price_not_the_plans() {
        let p = plan();
        let stars = Provider::TelegramStars;
        let promo = Some(400);
        assert_eq!(
            checkout(Some(&p), stars, &paying(400, "XTR", promo), None, now()),
            Ok(())
        );
        assert_eq!(
            checkout(Some(&p), stars, &paying(1, "XTR", promo), None, now()),
            Err(CheckoutRefusal::WrongPrice)
        );
        assert_eq!(
            checkout(Some(&p), stars, &paying(400, "XTR", None), None, now()),
            Err(CheckoutRefusal::WrongPrice)
        );
    }

    #[test]
    fn a_team_pays_the_seat_price_for_every_seat() {
        let p = plan();
        let per_seat = u64::from(p.stars.unwrap());
        let team = |amount| Paid {
            seats: Some(3),
            ..paying(amount, "XTR", None)
        };
        let stars = Provider::TelegramStars;
        assert_eq!(pays_for(&p, stars, &team(per_seat * 3)), Ok(()));
        assert_eq!(
            pays_for(&p, stars, &team(per_seat)),
            Err(PriceMismatch::Amount),
            "one seat's price does not buy three"
        );
    }

    #[test]
    fn a_checkout_needs_the_plans_price_in_stars() {
        let p = plan();
        let stars = Provider::TelegramStars;
        assert_eq!(
            checkout(Some(&p), stars, &paying(500, "XTR", None), None, now()),
            Ok(())
        );
        assert_eq!(
            checkout(Some(&p), stars, &paying(1, "XTR", None), None, now()),
            Err(CheckoutRefusal::WrongPrice)
        );
        assert_eq!(
            checkout(Some(&p), stars, &paying(500, "USD", None), None, now()),
            Err(CheckoutRefusal::WrongPrice)
        );
        assert_eq!(
            checkout(None, stars, &paying(500, "XTR", None), None, now()),
            Err(CheckoutRefusal::NotOnSale)
        );
        assert_eq!(
            checkout(
                Some(&p),
                Provider::Stripe,
                &paying(500, "usd", None),
                None,
                now()
            ),
            Err(CheckoutRefusal::NotOnSale)
        );
    }

    fn stars(amount: u64, currency: &str, began_at: Option<u64>) -> Result<(), PriceMismatch> {
        let paid = Paid {
            amount,
            currency,
            prices: &[],
            began_at,
            promo_price: None,
            seats: None,
            gift_code: false,
        };
        pays_for(&plan(), Provider::TelegramStars, &paid)
    }

    #[test]
    fn a_stars_payment_pays_the_plans_price_or_the_price_its_subscription_began_at() {
        assert_eq!(stars(500, "XTR", None), Ok(()));
        assert_eq!(stars(1, "XTR", None), Err(PriceMismatch::Amount));
        assert_eq!(stars(500, "USD", None), Err(PriceMismatch::Currency));
        // The plan now costs 500; a subscription begun at 400 renews at 400.
        assert_eq!(stars(400, "XTR", Some(400)), Ok(()));
        assert_eq!(stars(1, "XTR", Some(400)), Err(PriceMismatch::Amount));
    }

    #[test]
    fn a_card_payment_pays_the_plans_price_on_every_line() {
        let p = Plan {
            stripe_price: Some("price_pro".into()),
            ..plan()
        };
        let check = |prices: &[String]| {
            let paid = Paid {
                amount: 1,
                currency: "usd",
                prices,
                began_at: None,
                promo_price: None,
                seats: None,
                gift_code: false,
            };
            pays_for(&p, Provider::Stripe, &paid)
        };
        assert_eq!(check(&["price_pro".into()]), Ok(()));
        assert_eq!(check(&["price_cheap".into()]), Err(PriceMismatch::Price));
        assert_eq!(
            check(&["price_pro".into(), "price_cheap".into()]),
            Err(PriceMismatch::Price)
        );
        assert_eq!(check(&[]), Err(PriceMismatch::Price));
        let unpriced = Paid {
            amount: 1,
            currency: "usd",
            prices: &["price_pro".into()],
            began_at: None,
            promo_price: None,
            seats: None,
            gift_code: false,
        };
        assert_eq!(
            pays_for(&plan(), Provider::Stripe, &unpriced),
            Err(PriceMismatch::Price)
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
                &paying(500, "XTR", None),
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
