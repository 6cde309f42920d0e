//! `[[plans]]`: tiers on sale, each for a term with a price per provider (Telegram Stars, a
//! Stripe Price), and the grace a failed renewal leaves. Checked against the tiers.

use std::collections::HashMap;

use chrono::Duration;
use serde::Deserialize;
use toml::Spanned;

use super::membership::{once, spanned, word};
use super::problems::Problems;
use super::shape::SetAside;
use steward_core::duration::{Term, parse_span, parse_term};
use steward_core::payments::Plan;
use steward_core::tiers::TierDef;

/// Stripe's limits for a trial, in days.
const TRIAL_DAYS: std::ops::RangeInclusive<i64> = 1..=730;

/// Telegram's limits for a Stars price.
const STARS: std::ops::RangeInclusive<i64> = 1..=10_000;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSection {
    pub id: Spanned<String>,
    pub tier: Spanned<String>,
    pub term: Spanned<String>,
    pub stars: Option<Spanned<i64>>,
    pub stripe_price: Option<Spanned<String>>,
    pub grace: Option<Spanned<String>>,
    pub trial: Option<Spanned<String>>,
    pub discord_sku: Option<Spanned<String>>,
    pub seats: Option<Spanned<bool>>,
    pub stripe_gift_price: Option<Spanned<String>>,
}

/// Reads the plans, reporting each problem; entries `shape` set aside are skipped.
pub(super) fn read(
    sections: Vec<PlanSection>,
    tiers: &[TierDef],
    set_aside: &SetAside,
    problems: &mut Problems<'_>,
) -> Vec<Plan> {
    let mut first_line = HashMap::new();
    let mut plans = Vec::new();
    for (i, p) in sections.into_iter().enumerate() {
        if set_aside.has(&format!("plans[{i}]")) {
            continue;
        }
        let key = |field: &str| format!("plans[{i}].{field}");
        let id = p.id.get_ref().to_lowercase();
        if word(&id, &p.id.span(), &key("id"), problems) {
            once(&id, &p.id.span(), &key("id"), &mut first_line, problems);
        }
        let tier = p.tier.get_ref().to_lowercase();
        if !tiers.iter().any(|t| t.id == tier) && !set_aside.any_entry_of("tiers") {
            problems.add(
                &p.tier.span(),
                &key("tier"),
                format!("`{tier}` is not a tier id"),
            );
        }
        let term = spanned(&p.term, &key("term"), problems, parse_term).unwrap_or(Term::Lifetime);
        let stars = p.stars.as_ref().and_then(|s| {
            let n = *s.get_ref();
            if STARS.contains(&n) {
                u32::try_from(n).ok()
            } else {
                problems.add(
                    &s.span(),
                    &key("stars"),
                    format!("must be 1 to 10000 Stars, not {n}"),
                );
                None
            }
        });
        let stripe_price = p.stripe_price.as_ref().and_then(|s| {
            let price = s.get_ref().trim();
            if price.starts_with("price_") {
                Some(price.to_owned())
            } else {
                problems.add(
                    &s.span(),
                    &key("stripe_price"),
                    format!("`{price}` is not a Stripe Price id (price_...)"),
                );
                None
            }
        });
        let stripe_gift_price = p.stripe_gift_price.as_ref().and_then(|s| {
            let price = s.get_ref().trim();
            if !price.starts_with("price_") {
                problems.add(
                    &s.span(),
                    &key("stripe_gift_price"),
                    format!("`{price}` is not a Stripe Price id (price_...)"),
                );
                return None;
            }
            if p.seats.as_ref().is_some_and(|s| *s.get_ref()) {
                problems.add(
                    &s.span(),
                    &key("stripe_gift_price"),
                    "a plan that sells seats is not given as a gift code",
                );
                return None;
            }
            Some(price.to_owned())
        });
        let discord_sku = p.discord_sku.as_ref().and_then(|s| {
            let sku = s.get_ref().trim();
            if sku.parse::<u64>().is_ok_and(|n| n > 0) {
                Some(sku.to_owned())
            } else {
                problems.add(
                    &s.span(),
                    &key("discord_sku"),
                    format!("`{sku}` is not a Discord SKU id (a number, from the app's Monetization page)"),
                );
                None
            }
        });
        // A price given but out of range is its own problem, not a missing price.
        let priced = ["stars", "stripe_price", "discord_sku"]
            .iter()
            .any(|field| set_aside.has(&key(field)));
        if p.stars.is_none() && p.stripe_price.is_none() && p.discord_sku.is_none() && !priced {
            problems.add(
                &p.id.span(),
                &key("id"),
                "a plan needs a price: stars, stripe_price or discord_sku",
            );
        }
        let grace = p
            .grace
            .as_ref()
            .and_then(|g| spanned(g, &key("grace"), problems, parse_span))
            .unwrap_or(Duration::days(3));
        let trial = p.trial.as_ref().and_then(|t| {
            let span = spanned(t, &key("trial"), problems, parse_span)?;
            let days = span.num_days();
            if span != Duration::days(days) || !TRIAL_DAYS.contains(&days) {
                problems.add(&t.span(), &key("trial"), "must be 1d to 730d, in whole days");
                None
            } else if p.stripe_price.is_none() || term == Term::Lifetime {
                problems.add(
                    &t.span(),
                    &key("trial"),
                    "a trial needs a renewing card plan: a stripe_price and a term that is not lifetime",
                );
                None
            } else {
                Some(span)
            }
        });
        let seats = p.seats.as_ref().is_some_and(|s| *s.get_ref());
        if seats && let Some(sku) = &p.discord_sku {
            problems.add(
                &sku.span(),
                &key("discord_sku"),
                "a plan that sells seats cannot be a Discord SKU: Discord sells one subscription per user",
            );
        }
        plans.push(Plan {
            id,
            tier,
            term,
            stars,
            stripe_price,
            grace,
            trial,
            discord_sku,
            seats,
            stripe_gift_price,
        });
    }
    plans
}
