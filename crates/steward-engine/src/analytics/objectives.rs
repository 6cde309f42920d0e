//! The three objectives week by week (`core::analytics::objectives` says how they are scored),
//! with what moved each: the drops first delivered, the events that began and the plans sold
//! that week. Built from what the other panels already read, plus the range's payments.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, Utc};

use super::dashboard::DropQuality;
use super::series::{WeekIndex, weeks};
use crate::core::analytics::objectives::{
    DropPart, ObjectiveWeights, content_week, revenue_scores, standard_scores, weighted_total,
};
use crate::core::analytics::range::DayRange;
use crate::core::analytics::week_key;
use crate::store::PaymentFact;

/// Payment kinds that bring money in or give it back.
pub(super) const MONEY_KINDS: [&str; 4] = ["payment", "renewal", "mismatch", "refund"];

/// One week of the three objectives.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveWeek {
    pub week: String,
    /// The activity index.
    pub f1: Option<f64>,
    /// The reach-weighted Bayesian mean of the week's rated drops, and the shares of the members
    /// reached who rated them and who finished them.
    pub f2: Option<f64>,
    pub rated_share: Option<f64>,
    pub done_share: Option<f64>,
    /// Net revenue that week per currency (minor units), and the recurring revenue of the 30
    /// days to the week's end (a monthly figure).
    pub net: Vec<(String, i64)>,
    pub recurring: Vec<(String, i64)>,
    /// Standard scores of f1, f2 and f3 over the range's weeks, and their weighted sum.
    pub scores: [Option<f64>; 3],
    pub total: Option<f64>,
    /// What moved them: drops first delivered (id, first line), events begun, plans sold.
    pub drops: Vec<(i64, String)>,
    pub events: Vec<String>,
    pub plans: Vec<(String, i64)>,
}

/// The objectives panel.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectivesPanel {
    pub weeks: Vec<ObjectiveWeek>,
    pub weights: ObjectiveWeights,
}

/// What the panel is built from.
pub(super) struct ObjectiveInputs<'a> {
    pub range: DayRange,
    pub activity: &'a [WeekIndex],
    pub drops: &'a [DropQuality],
    /// The range's payments and those of the 30 days before its first week (for the first
    /// weeks' recurring revenue).
    pub payments: &'a [PaymentFact],
    pub events: &'a [(String, DateTime<Utc>)],
    /// Whether a plan renews (its recurring revenue counts).
    pub recurring_plan: &'a dyn Fn(&str) -> bool,
    pub week_of: &'a dyn Fn(DateTime<Utc>) -> String,
    /// The end (exclusive) of a week, by its Monday.
    pub week_end: &'a dyn Fn(chrono::NaiveDate) -> DateTime<Utc>,
    pub weights: ObjectiveWeights,
}

pub(super) fn objectives_panel(input: &ObjectiveInputs<'_>) -> ObjectivesPanel {
    let mondays = weeks(input.range);
    let keys: Vec<String> = mondays.iter().map(|m| week_key(*m)).collect();
    let currencies: Vec<String> = {
        let mut c: Vec<String> = input
            .payments
            .iter()
            .filter(|p| MONEY_KINDS.contains(&p.kind.as_str()))
            .map(|p| p.currency.clone())
            .collect();
        c.sort();
        c.dedup();
        c
    };
    let mut out: Vec<ObjectiveWeek> = Vec::with_capacity(keys.len());
    for (monday, key) in mondays.iter().zip(&keys) {
        let week_drops: Vec<&DropQuality> = input
            .drops
            .iter()
            .filter(|d| (input.week_of)(d.row.first_sent_at) == *key)
            .collect();
        let parts: Vec<DropPart> = week_drops
            .iter()
            .map(|d| DropPart {
                bayesian: d.bayesian,
                reach: d.row.reached,
                ratings: d.row.ratings,
                done: d.row.done,
            })
            .collect();
        let content = content_week(&parts);
        let end = (input.week_end)(*monday);
        let month_before = end - chrono::Duration::days(30);
        let mut net: BTreeMap<&str, i64> = BTreeMap::new();
        let mut recurring: BTreeMap<&str, i64> = BTreeMap::new();
        let mut plans: BTreeMap<&str, i64> = BTreeMap::new();
        for p in input.payments {
            let money = MONEY_KINDS.contains(&p.kind.as_str());
            if money && (input.week_of)(p.at) == *key {
                *net.entry(&p.currency).or_default() += p.amount;
                if p.kind == "payment" || p.kind == "renewal" {
                    *plans.entry(&p.plan).or_default() += 1;
                }
            }
            if money && p.at >= month_before && p.at < end && (input.recurring_plan)(&p.plan) {
                *recurring.entry(&p.currency).or_default() += p.amount;
            }
        }
        let in_week = |at: DateTime<Utc>| (input.week_of)(at) == *key;
        out.push(ObjectiveWeek {
            week: key.clone(),
            f1: input
                .activity
                .iter()
                .find(|w| &w.week == key)
                .and_then(|w| w.index),
            f2: content.quality,
            rated_share: content.rated_share,
            done_share: content.done_share,
            net: currencies
                .iter()
                .map(|c| (c.clone(), net.get(c.as_str()).copied().unwrap_or(0)))
                .collect(),
            recurring: currencies
                .iter()
                .map(|c| (c.clone(), recurring.get(c.as_str()).copied().unwrap_or(0)))
                .collect(),
            scores: [None; 3],
            total: None,
            drops: week_drops
                .iter()
                .map(|d| (d.row.id, d.row.excerpt.clone()))
                .collect(),
            events: input
                .events
                .iter()
                .filter(|(_, at)| in_week(*at))
                .map(|(name, _)| name.clone())
                .collect(),
            plans: plans.into_iter().map(|(p, n)| (p.to_owned(), n)).collect(),
        });
    }
    let f1 = standard_scores(&out.iter().map(|w| w.f1).collect::<Vec<_>>());
    let f2 = standard_scores(&out.iter().map(|w| w.f2).collect::<Vec<_>>());
    let nets: Vec<Vec<i64>> = (0..currencies.len())
        .map(|c| out.iter().map(|w| w.net[c].1).collect())
        .collect();
    let f3 = revenue_scores(&nets, out.len());
    for (i, week) in out.iter_mut().enumerate() {
        week.scores = [f1[i], f2[i], f3[i]];
        week.total = weighted_total(week.scores, input.weights);
    }
    ObjectivesPanel {
        weeks: out,
        weights: input.weights,
    }
}

/// The first instant whose recurring revenue the first week needs: 30 days before its end.
pub(super) fn payments_from(first_week_end: DateTime<Utc>) -> DateTime<Utc> {
    first_week_end - chrono::Duration::days(30)
}

/// The Monday after `monday`.
pub(super) fn next_monday(monday: chrono::NaiveDate) -> chrono::NaiveDate {
    monday + Days::new(7)
}
