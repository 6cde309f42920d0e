//! The operators' dashboard over a chosen range: activity, content quality, and membership
//! (with the slot revenue fills once payments exist). Operators only; every panel is read from
//! counters and per-drop rows, so one page costs the same at a hundred members or a million.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::Overview;
use super::channels::{channel_rows, hour_of_week};
use super::objectives::{ObjectiveInputs, next_monday, objectives_panel, payments_from};
use super::series::{ActivityPanel, activity_panel, ranges, weeks};
use crate::core::access::Viewer;
use crate::core::analytics::measures::{bayesian_mean, ratio};
use crate::core::analytics::range::DayRange;
use crate::core::analytics::{Counter, day_key, week_key};
use crate::core::questions::figures;
use crate::store::{CounterRow, DropQualityRow};
use crate::web::PageError;
use crate::{Kernel, Memberships, PaidTime};
use std::sync::Arc;

/// What operators watch: the dashboard, the overview and readiness.
pub struct Operations {
    pub(super) kernel: Arc<Kernel>,
    pub(super) membership: Arc<Memberships>,
    pub(super) paid: Arc<PaidTime>,
    pub(super) connections:
        std::sync::Mutex<std::collections::HashMap<crate::core::ids::Platform, bool>>,
}

impl Operations {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        membership: Arc<Memberships>,
        paid: Arc<PaidTime>,
    ) -> Self {
        Self {
            connections: std::sync::Mutex::default(),
            kernel,
            membership,
            paid,
        }
    }
}

/// The actions the membership panel counts per week, in its columns' order.
pub const MEMBERSHIP_ACTIONS: [&str; 5] = ["grant", "extend", "redeem", "expire", "revoke"];

/// How far ahead "expiring soon" looks.
const EXPIRING_WITHIN_DAYS: u64 = 7;

/// Best and worst drops shown.
const BEST_AND_WORST: usize = 3;

/// One drop's reach and ratings.
#[derive(Debug, Clone, PartialEq)]
pub struct DropQuality {
    pub row: DropQualityRow,
    pub mean: Option<f64>,
    pub bayesian: Option<f64>,
    /// The share of the members reached who rated it, and who marked it done.
    pub rating_rate: Option<f64>,
    pub done_rate: Option<f64>,
}

/// One week of drops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentWeek {
    pub week: String,
    pub drops: i64,
    pub failed: i64,
    pub missed: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContentPanel {
    /// Drops first delivered in the range, oldest first.
    pub drops: Vec<DropQuality>,
    /// Ids of the best and worst rated drops by Bayesian mean.
    pub best: Vec<i64>,
    pub worst: Vec<i64>,
    pub weeks: Vec<ContentWeek>,
    /// The mean of every rating ever given: the Bayesian mean's prior.
    pub community_mean: Option<f64>,
}

/// One week of membership events, in the order of [`MEMBERSHIP_ACTIONS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipWeek {
    pub week: String,
    pub counts: [i64; MEMBERSHIP_ACTIONS.len()],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipPanel {
    /// (tier name, members) for every configured tier.
    pub running: Vec<(String, i64)>,
    pub expiring_soon: Vec<(String, i64)>,
    pub weeks: Vec<MembershipWeek>,
}

/// The whole dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub range: DashboardRange,
    pub overview: Overview,
    pub activity: ActivityPanel,
    pub content: ContentPanel,
    pub membership: MembershipPanel,
    pub revenue: super::RevenuePanel,
    pub objectives: super::ObjectivesPanel,
    /// Questions asked in the range: answered, accepted, and the median waits.
    pub questions: crate::core::questions::QuestionFigures,
}

/// The range shown, and the community's today (the page's default end).
pub type DashboardRange = DayRange;

impl Operations {
    /// The community's day now: what an unchosen range ends on.
    #[must_use]
    pub fn today(&self) -> NaiveDate {
        self.kernel.config.calendar.day(self.kernel.now())
    }

    /// The dashboard for `range`, for operators only.
    pub async fn dashboard(
        &self,
        viewer: &Viewer,
        range: DayRange,
    ) -> Result<Dashboard, PageError> {
        let overview = self.overview(viewer).await?;
        // Counts as of the last fold step (a second ago in a running bot): a GET never writes,
        // so the page does not fold the award log or write the activity tally itself.
        let mut counter_ranges = ranges(range);
        let first_day = day_key(weeks(range).first().copied().unwrap_or(range.from));
        for action in MEMBERSHIP_ACTIONS {
            counter_ranges.push((
                Counter::Membership(action.to_owned()).key(),
                first_day.clone(),
                day_key(range.to),
            ));
        }
        let rows = self.kernel.store.counter_rows(&counter_ranges).await?;
        let cohort_rows = self
            .kernel
            .store
            .counter_family("cohort:", &week_key(range.from), &week_key(range.to))
            .await?;
        let (first, last) = (day_key(range.from), day_key(range.to));
        let store = &self.kernel.store;
        let chat_messages = store
            .counters_with_prefix("chat-messages:", &first, &last)
            .await?;
        let chat_active = store
            .counters_with_prefix("chat-active:", &first, &last)
            .await?;
        let hours = store.counters_with_prefix("hour:", &first, &last).await?;
        let mut activity = activity_panel(
            range,
            &rows,
            &cohort_rows,
            self.kernel.config.analytics.index_weights,
        );
        activity.channels = channel_rows(
            range,
            &chat_messages,
            &chat_active,
            &self.kernel.config.membership.channels,
        );
        activity.hours = hour_of_week(range, &hours);
        let calendar = self.kernel.config.calendar;
        let start = calendar.start_of_day(range.from);
        let end = calendar.start_of_day(range.to + Days::new(1));
        let (drops, community_mean) = self.kernel.store.drop_quality(start, end).await?;
        let content = content_panel(range, drops, community_mean, |at| {
            week_key(calendar.day(at))
        });
        let questions = figures(&self.kernel.store.question_times(start, end).await?);
        let now = self.kernel.now();
        let soon = now + chrono::Duration::days(EXPIRING_WITHIN_DAYS.cast_signed());
        let held = self.kernel.store.membership_now(now, soon).await?;
        let name = |id: &str| {
            self.membership
                .tier_def(id)
                .map_or_else(|| id.to_owned(), |t| t.name.clone())
        };
        let membership = MembershipPanel {
            running: overview.tiers.clone(),
            expiring_soon: held.expiring.iter().map(|(t, n)| (name(t), *n)).collect(),
            weeks: membership_weeks(range, &rows),
        };
        let first_monday = weeks(range).first().copied().unwrap_or(range.from);
        let week_end = |monday: NaiveDate| calendar.start_of_day(next_monday(monday)).min(end);
        let payments = self
            .kernel
            .store
            .payment_facts(payments_from(week_end(first_monday)), end)
            .await?;
        let events = self
            .kernel
            .store
            .events_started(calendar.start_of_day(first_monday), end)
            .await?;
        let in_range: Vec<_> = payments.iter().filter(|p| p.at >= start).cloned().collect();
        let new_members = activity.days.iter().map(|d| d.new).sum();
        let revenue = self
            .revenue_panel(start, end, &in_range, new_members)
            .await?;
        let recurring_plan = |plan: &str| {
            self.paid
                .plan(plan)
                .is_some_and(|p| !matches!(p.term, crate::core::duration::Term::Lifetime))
        };
        let week_of = |at| week_key(calendar.day(at));
        let objectives = objectives_panel(&ObjectiveInputs {
            range,
            activity: &activity.weeks,
            drops: &content.drops,
            payments: &payments,
            events: &events,
            recurring_plan: &recurring_plan,
            week_of: &week_of,
            week_end: &week_end,
            weights: self.kernel.config.analytics.objective_weights,
        });
        Ok(Dashboard {
            range,
            overview,
            activity,
            content,
            membership,
            revenue,
            objectives,
            questions,
        })
    }
}

fn content_panel(
    range: DayRange,
    rows: Vec<DropQualityRow>,
    community_mean: Option<f64>,
    week_of: impl Fn(chrono::DateTime<chrono::Utc>) -> String,
) -> ContentPanel {
    let prior = community_mean.unwrap_or(3.0);
    let drops: Vec<DropQuality> = rows
        .into_iter()
        .map(|row| DropQuality {
            mean: ratio(row.stars, row.ratings),
            bayesian: bayesian_mean(row.ratings, row.stars, prior),
            rating_rate: ratio(row.ratings, row.reached),
            done_rate: ratio(row.done, row.reached),
            row,
        })
        .collect();
    let mut rated: Vec<(f64, i64)> = drops
        .iter()
        .filter_map(|d| d.bayesian.map(|b| (b, d.row.id)))
        .collect();
    rated.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let best: Vec<i64> = rated
        .iter()
        .take(BEST_AND_WORST)
        .map(|(_, id)| *id)
        .collect();
    let worst: Vec<i64> = rated
        .iter()
        .rev()
        .filter(|(_, id)| !best.contains(id))
        .take(BEST_AND_WORST)
        .map(|(_, id)| *id)
        .collect();
    let mut weeks: Vec<ContentWeek> = weeks(range)
        .into_iter()
        .map(|monday| ContentWeek {
            week: week_key(monday),
            drops: 0,
            failed: 0,
            missed: 0,
        })
        .collect();
    for d in &drops {
        let key = week_of(d.row.first_sent_at);
        if let Some(week) = weeks.iter_mut().find(|w| w.week == key) {
            week.drops += 1;
            week.failed += d.row.failed;
            week.missed += d.row.missed;
        }
    }
    ContentPanel {
        drops,
        best,
        worst,
        weeks,
        community_mean,
    }
}

fn membership_weeks(range: DayRange, rows: &[CounterRow]) -> Vec<MembershipWeek> {
    let names: Vec<String> = MEMBERSHIP_ACTIONS
        .iter()
        .map(|a| Counter::Membership((*a).to_owned()).key())
        .collect();
    let value: HashMap<(&str, &str), i64> = rows
        .iter()
        .map(|r| ((r.name.as_str(), r.period.as_str()), r.value))
        .collect();
    weeks(range)
        .into_iter()
        .map(|monday| {
            let days: Vec<String> = monday.iter_days().take(7).map(day_key).collect();
            let mut counts = [0; MEMBERSHIP_ACTIONS.len()];
            for (slot, name) in counts.iter_mut().zip(&names) {
                *slot = days
                    .iter()
                    .filter_map(|d| value.get(&(name.as_str(), d.as_str())))
                    .sum();
            }
            MembershipWeek {
                week: week_key(monday),
                counts,
            }
        })
        .collect()
}
