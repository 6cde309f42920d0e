//! `[[promos]]`: promo codes set up in the file (operators can also make them in chat with
//! `/promo create`). Each names a plan and one discount: `percent` off, or a Stars `price`.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::Deserialize;
use toml::Spanned;

use super::membership::once;
use super::problems::Problems;
use super::shape::SetAside;
use steward_core::payments::Plan;
use steward_core::payments::promo::{Discount, Promo, fits_plan, normalize_code};
use steward_core::periods::Calendar;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromoSection {
    pub code: Spanned<String>,
    pub plan: Spanned<String>,
    pub percent: Option<Spanned<i64>>,
    pub price: Option<Spanned<i64>>,
    /// The last day it may be taken, in the community's timezone.
    pub until: Option<Spanned<String>>,
    pub uses: Option<Spanned<i64>>,
    #[serde(default)]
    pub first_term_only: bool,
}

/// Reads the promos, reporting each problem; entries `shape` set aside are skipped.
pub(super) fn read(
    sections: Vec<PromoSection>,
    plans: &[Plan],
    calendar: &Calendar,
    set_aside: &SetAside,
    problems: &mut Problems<'_>,
) -> Vec<Promo> {
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut promos = Vec::new();
    for (i, p) in sections.into_iter().enumerate() {
        if set_aside.has(&format!("promos[{i}]")) {
            continue;
        }
        let key = |field: &str| format!("promos[{i}].{field}");
        let Ok(code) = normalize_code(p.code.get_ref()) else {
            problems.add(
                &p.code.span(),
                &key("code"),
                "must be 3 to 24 letters, digits, - or _",
            );
            continue;
        };
        let twice = first_line.contains_key(&code);
        once(
            &code,
            &p.code.span(),
            &key("code"),
            &mut first_line,
            problems,
        );
        if twice {
            continue;
        }
        let plan_id = p.plan.get_ref().to_lowercase();
        let Some(plan) = plans.iter().find(|plan| plan.id == plan_id) else {
            if !set_aside.any_entry_of("plans") {
                problems.add(
                    &p.plan.span(),
                    &key("plan"),
                    format!("`{plan_id}` is not a plan id"),
                );
            }
            continue;
        };
        if plan.seats {
            problems.add(
                &p.plan.span(),
                &key("plan"),
                format!("plan `{plan_id}` sells seats, which promo codes do not discount"),
            );
            continue;
        }
        let discount = match (&p.percent, &p.price) {
            (Some(percent), None) => u8::try_from(*percent.get_ref())
                .ok()
                .map(Discount::Percent)
                .filter(|d| fits_plan(*d, plan))
                .ok_or_else(|| (percent.span(), key("percent"), "must be 1 to 99".to_owned())),
            (None, Some(price)) => u32::try_from(*price.get_ref())
                .ok()
                .map(Discount::Stars)
                .filter(|d| fits_plan(*d, plan))
                .ok_or_else(|| {
                    (
                        price.span(),
                        key("price"),
                        match plan.stars {
                            Some(stars) => format!(
                                "must be 1 to {} Stars (below the plan's {stars})",
                                stars - 1
                            ),
                            None => format!("is a price in Stars, and plan `{plan_id}` has none"),
                        },
                    )
                }),
            _ => Err((
                p.code.span(),
                key("code"),
                "a promo needs one discount: percent or price".to_owned(),
            )),
        };
        let discount = match discount {
            Ok(discount) => discount,
            Err((span, key, problem)) => {
                problems.add(&span, &key, problem);
                continue;
            }
        };
        let until = match &p.until {
            Some(until) => match NaiveDate::parse_from_str(until.get_ref().trim(), "%Y-%m-%d") {
                Ok(day) => Some(last_moment_of(calendar, day)),
                Err(_) => {
                    problems.add(
                        &until.span(),
                        &key("until"),
                        "must be a date, like 2027-03-31",
                    );
                    continue;
                }
            },
            None => None,
        };
        let uses = match &p.uses {
            Some(uses) => match u32::try_from(*uses.get_ref()) {
                Ok(n) if n >= 1 => Some(n),
                _ => {
                    problems.add(&uses.span(), &key("uses"), "must be 1 or more");
                    continue;
                }
            },
            None => None,
        };
        promos.push(Promo {
            code,
            plan: plan_id,
            discount,
            until,
            uses,
            first_term_only: p.first_term_only,
            ended: false,
        });
    }
    promos
}

/// The last moment of `day` in the community's timezone: a code "until 2027-03-31" is taken
/// all that day.
pub fn last_moment_of(calendar: &Calendar, day: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    let next = day.succ_opt().unwrap_or(day);
    calendar.start_of_day(next) - Duration::seconds(1)
}
