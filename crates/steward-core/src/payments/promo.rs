//! Promo codes: a discount on one plan, for a while or a number of uses, on the first term or
//! on every renewal. What a code is (its spelling), what it takes off a price, and whether a
//! member may use it now; the store counts the uses, in the same transaction as the one taken.
//!
//! Telegram Stars has no discounts of its own, so a promo makes an invoice at its price; Stripe
//! has coupons, so a percentage becomes one. A fixed `price` is a price in Stars: a card price
//! lives in Stripe, in a currency Steward does not set, so a `price` promo is for Stars only.

use chrono::{DateTime, Utc};

use super::Plan;

/// The shortest and longest code.
pub const CODE_LEN: std::ops::RangeInclusive<usize> = 3..=24;

/// What a promo takes off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discount {
    /// This many percent off (1–99: Telegram takes no invoice of 0 Stars).
    Percent(u8),
    /// This many Stars instead of the plan's price.
    Stars(u32),
}

/// A promo code as an operator set it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promo {
    /// Upper case, as [`normalize_code`] writes it.
    pub code: String,
    pub plan: String,
    pub discount: Discount,
    /// The last moment it may be taken (a checkout begun before may still be paid).
    pub until: Option<DateTime<Utc>>,
    /// How many members may use it; `None`: any number.
    pub uses: Option<u32>,
    /// The discount is for the first term only: renewals are at the plan's price.
    pub first_term_only: bool,
    /// Ended by an operator.
    pub ended: bool,
}

/// Why a code is not taken; the member is told which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromoRefusal {
    /// No such code, or it is for another plan.
    Unknown,
    /// Past its date, or ended by an operator.
    Expired,
    /// Every use taken (a use is taken when a member opens a checkout with it, and given back
    /// if they have not paid within the reference's week).
    UsedUp,
    /// This member has used it already.
    AlreadyUsed,
}

/// Why a code cannot be written as it was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadCode;

/// `text` as a code: letters, digits, `-` and `_`, 3 to 24 of them, in upper case (codes are
/// typed by hand and read aloud: `spring-25` and `SPRING-25` are one code).
pub fn normalize_code(text: &str) -> Result<String, BadCode> {
    let fits = CODE_LEN.contains(&text.chars().count())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if fits {
        Ok(text.to_ascii_uppercase())
    } else {
        Err(BadCode)
    }
}

impl Promo {
    /// Whether `member` may take a use now, given the uses already taken by others (`taken`)
    /// and whether they took one before (`theirs`).
    pub fn may_take(
        &self,
        plan: &str,
        taken: u32,
        theirs: bool,
        now: DateTime<Utc>,
    ) -> Result<(), PromoRefusal> {
        if self.plan != plan {
            return Err(PromoRefusal::Unknown);
        }
        if theirs {
            return Err(PromoRefusal::AlreadyUsed);
        }
        if self.ended || self.until.is_some_and(|until| now > until) {
            return Err(PromoRefusal::Expired);
        }
        if self.uses.is_some_and(|uses| taken >= uses) {
            return Err(PromoRefusal::UsedUp);
        }
        Ok(())
    }

    /// The Stars price with this promo, for a plan that costs `stars`: never below 1 (Telegram
    /// takes no free invoice) nor above the plan's price.
    #[must_use]
    pub fn stars_price(&self, stars: u32) -> u32 {
        let price = match self.discount {
            Discount::Percent(off) => {
                let kept = u64::from(stars) * u64::from(100 - off.min(99));
                // Rounded to the nearest Star, halves up.
                u32::try_from((kept + 50) / 100).unwrap_or(stars)
            }
            Discount::Stars(price) => price,
        };
        price.clamp(1, stars.max(1))
    }

    /// The percentage a card checkout takes off (a Stripe coupon), where the promo has one.
    #[must_use]
    pub fn card_percent(&self) -> Option<u8> {
        match self.discount {
            Discount::Percent(off) => Some(off),
            Discount::Stars(_) => None,
        }
    }

    /// Whether a Stars payment with this promo may renew by itself: Telegram renews a Stars
    /// subscription at the price it began with, so a first-term-only discount is paid once.
    #[must_use]
    pub fn stars_may_renew(&self, plan: &Plan) -> bool {
        plan.stars_renews() && !self.first_term_only
    }
}

/// Whether a promo's terms are ones it can be sold on for `plan`: a percentage of 1–99, a Stars
/// price below the plan's (which must have one).
pub fn fits_plan(discount: Discount, plan: &Plan) -> bool {
    match discount {
        Discount::Percent(off) => (1..=99).contains(&off),
        Discount::Stars(price) => plan.stars.is_some_and(|stars| price >= 1 && price < stars),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::duration::Term;

    fn plan() -> Plan {
        Plan {
            id: "pro-month".into(),
            tier: "pro".into(),
            term: Term::For(Duration::days(30)),
            stars: Some(500),
            stripe_price: Some("price_1".into()),
            grace: Duration::days(3),
            trial: None,
            discord_sku: None,
            seats: false,
            stripe_gift_price: None,
        }
    }

    fn promo(discount: Discount) -> Promo {
        Promo {
            code: "SPRING".into(),
            plan: "pro-month".into(),
            discount,
            until: Some(now() + Duration::days(1)),
            uses: Some(2),
            first_term_only: false,
            ended: false,
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn codes_are_typed_any_case_and_only_plain_characters() {
        assert_eq!(normalize_code("spring-25"), Ok("SPRING-25".into()));
        for bad in [
            "ab",
            "spring 25",
            "春天促销",
            "a.b.c",
            &"x".repeat(25),
            "ＳＰＲＩＮＧ",
        ] {
            assert_eq!(normalize_code(bad), Err(BadCode), "{bad}");
        }
    }

    #[test]
    fn a_code_is_refused_past_its_date_uses_or_end_and_once_per_member() {
        let p = promo(Discount::Percent(20));
        assert_eq!(p.may_take("pro-month", 1, false, now()), Ok(()));
        assert_eq!(
            p.may_take("pro-month", 2, false, now()),
            Err(PromoRefusal::UsedUp)
        );
        assert_eq!(
            p.may_take("pro-month", 0, true, now()),
            Err(PromoRefusal::AlreadyUsed)
        );
        assert_eq!(
            p.may_take("pro-month", 0, false, now() + Duration::days(2)),
            Err(PromoRefusal::Expired)
        );
        assert_eq!(
            p.may_take("other", 0, false, now()),
            Err(PromoRefusal::Unknown)
        );
        let ended = Promo { ended: true, ..p };
        assert_eq!(
            ended.may_take("pro-month", 0, false, now()),
            Err(PromoRefusal::Expired)
        );
    }

    #[test]
    fn the_stars_price_is_the_discounted_one_rounded_and_never_free() {
        assert_eq!(promo(Discount::Percent(20)).stars_price(500), 400);
        assert_eq!(promo(Discount::Percent(33)).stars_price(10), 7);
        assert_eq!(promo(Discount::Percent(99)).stars_price(10), 1);
        assert_eq!(promo(Discount::Stars(250)).stars_price(500), 250);
        assert_eq!(promo(Discount::Stars(900)).stars_price(500), 500);
    }

    #[test]
    fn a_first_term_discount_in_stars_is_paid_once_and_a_fixed_price_is_stars_only() {
        let every_term = promo(Discount::Percent(20));
        assert!(every_term.stars_may_renew(&plan()));
        let first = Promo {
            first_term_only: true,
            ..every_term
        };
        assert!(!first.stars_may_renew(&plan()));
        assert_eq!(promo(Discount::Stars(250)).card_percent(), None);
        assert!(fits_plan(Discount::Stars(250), &plan()));
        assert!(!fits_plan(Discount::Stars(500), &plan()));
        assert!(!fits_plan(Discount::Percent(100), &plan()));
        let card_only = Plan {
            stars: None,
            ..plan()
        };
        assert!(!fits_plan(Discount::Stars(250), &card_only));
        assert!(fits_plan(Discount::Percent(10), &card_only));
    }
}
