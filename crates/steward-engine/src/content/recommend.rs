//! `/recommend`: the three best drops a member has not rated or finished and may access, each
//! with why; `/recommend weekly on|off` and the scheduler's weekly "for you" DM. The ranking is
//! `core::recommend`; this file decides what a member may be offered at all.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};

use super::labels::rule_text;
use super::lessons::headline;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::access::{Viewer, may_see};
use crate::core::drops::schedule::next_occurrence;
use crate::core::ids::MemberId;
use crate::core::recommend::{Model, Reason, Tuning};
use crate::i18n::Lang;
use crate::store::{CourseRow, DropRow};
use crate::tr;
use crate::{Kernel, Memberships};
use std::sync::Arc;

/// `/recommend` and the weekly picks.
pub struct Recommendations {
    pub(super) kernel: Arc<Kernel>,
    pub(super) membership: Arc<Memberships>,
    /// Open questions on what the member rates well are suggested beside drops.
    pub(super) questions: Arc<crate::Questions>,
}

impl Recommendations {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        membership: Arc<Memberships>,
        questions: Arc<crate::Questions>,
    ) -> Self {
        Self {
            kernel,
            membership,
            questions,
        }
    }
}

/// Items one recommendation offers.
const PICKS: usize = 3;

/// Open questions suggested beside the picks.
const QUESTIONS_SUGGESTED: usize = 2;

/// Recent delivered drops considered; older ones rarely matter and the list stays cheap.
const CANDIDATES: u32 = 500;

/// Weekly DMs sent per tick, so one tick never holds the scheduler for long.
const WEEKLY_BATCH: u32 = 200;

/// Everything picks are drawn from: the ratings model, the latest delivered drops and the
/// courses (whose tiers hide their lessons).
struct Catalogue {
    model: Model,
    drops: Vec<DropRow>,
    courses: Vec<CourseRow>,
}

impl Recommendations {
    pub(crate) async fn recommend_command(
        &self,
        ctx: &CommandContext,
        weekly: Option<bool>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        if let Some(on) = weekly {
            return self.set_weekly(ctx, on).await;
        }
        let catalogue = self.catalogue().await?;
        let viewer = self.membership.viewer(ctx).await?;
        let picks = self
            .picks_for(&catalogue, ctx.member, &viewer, lang)
            .await?;
        let weekly = self.kernel.store.weekly_recommendations(ctx.member).await?;
        let mut reply = match picks {
            None => tr!(lang, "recommend-nothing"),
            Some(lines) if weekly => lines,
            Some(lines) => format!("{lines}\n{}", tr!(lang, "recommend-weekly-hint")),
        };
        let liked = catalogue.model.liked_tags(ctx.member.0);
        let open = self
            .questions
            .open_tagged(&viewer, &liked, QUESTIONS_SUGGESTED)
            .await?;
        if !open.is_empty() {
            reply.push('\n');
            reply.push_str(&tr!(lang, "recommend-questions-header"));
            for (id, title, tag) in open {
                reply.push('\n');
                reply.push_str(&tr!(
                    lang,
                    "recommend-question-line",
                    id = id,
                    title = title,
                    tag = tag
                ));
            }
        }
        Ok(reply)
    }

    /// What every member's picks are drawn from, read once per request or weekly batch.
    async fn catalogue(&self) -> EngineResult<Catalogue> {
        Ok(Catalogue {
            model: Model::new(
                &self.kernel.store.all_ratings().await?,
                &self.kernel.store.all_drop_tags().await?,
                Tuning::default(),
            ),
            drops: self.kernel.store.delivered_drops(CANDIDATES).await?,
            courses: self.kernel.store.courses().await?,
        })
    }

    /// The recommendation lines for `member`, read by `viewer`, or `None` when nothing is
    /// left to offer: only drops the access rule lets `viewer` see, outside courses it hides.
    async fn picks_for(
        &self,
        catalogue: &Catalogue,
        member: MemberId,
        viewer: &Viewer,
        lang: Lang,
    ) -> EngineResult<Option<String>> {
        let hidden_courses: HashSet<i64> = catalogue
            .courses
            .iter()
            .filter(|c| !may_see(viewer, self.membership.gate(c.tier.as_deref())))
            .flat_map(|c| c.lessons.iter().copied())
            .collect();
        let done = self.kernel.store.lessons_done(member).await?;
        let drops: Vec<&DropRow> = catalogue
            .drops
            .iter()
            .filter(|d| may_see(viewer, self.membership.gate(d.tier.as_deref())))
            .filter(|d| !hidden_courses.contains(&d.id) && !done.contains(&d.id))
            .collect();
        let candidates: Vec<i64> = drops.iter().map(|d| d.id).collect();
        let picks = catalogue.model.recommend(member.0, &candidates, PICKS);
        if picks.is_empty() {
            return Ok(None);
        }
        let mut lines = vec![tr!(lang, "recommend-header")];
        for (n, pick) in picks.iter().enumerate() {
            let Some(drop) = drops.iter().find(|d| d.id == pick.item) else {
                continue;
            };
            let why = match &pick.reason {
                Reason::Similar { item, stars } => {
                    tr!(lang, "recommend-why-similar", id = *item, stars = *stars)
                }
                Reason::Tag(tag) => tr!(lang, "recommend-why-tag", tag = tag),
                Reason::Quality { mean, count } => tr!(
                    lang,
                    "recommend-why-quality",
                    mean = format!("{mean:.1}"),
                    count = *count
                ),
                Reason::New => tr!(lang, "recommend-why-new"),
            };
            lines.push(tr!(
                lang,
                "recommend-line",
                n = n + 1,
                id = drop.id,
                title = headline(&drop.text),
                why = why
            ));
        }
        lines.push(tr!(lang, "recommend-footer"));
        Ok(Some(lines.join("\n")))
    }

    /// The weekly slot at or before `now`, and the one after it.
    fn weekly_slots(&self, now: DateTime<Utc>) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        let rules = &self.kernel.config.learning;
        let tz = self.kernel.config.calendar.tz;
        let slot = |after, inclusive| {
            next_occurrence(
                &rules.recommend_day,
                rules.recommend_time,
                after,
                tz,
                inclusive,
            )
        };
        let last = slot(now - Duration::days(7), false).filter(|at| *at <= now);
        (last, slot(now, false))
    }

    async fn set_weekly(&self, ctx: &CommandContext, on: bool) -> EngineResult<String> {
        let lang = ctx.lang;
        let (last, _) = self.weekly_slots(ctx.at);
        let mut tx = self.kernel.store.begin().await?;
        tx.set_weekly_recommendations(ctx.member, on, last.unwrap_or(ctx.at))
            .await?;
        tx.commit().await?;
        self.kernel.wake.notify_one();
        let rules = &self.kernel.config.learning;
        Ok(if on {
            tr!(
                lang,
                "recommend-weekly-on",
                when = rule_text(lang, &rules.recommend_day, rules.recommend_time)
            )
        } else {
            tr!(lang, "recommend-weekly-off")
        })
    }

    /// Sends the weekly DM of the latest slot to each subscriber not sent it yet; each claim
    /// is committed before its DM, so a restart never sends a member's week twice.
    pub(crate) async fn send_weekly_recommendations(
        &self,
        now: DateTime<Utc>,
    ) -> EngineResult<usize> {
        let (Some(slot), _) = self.weekly_slots(now) else {
            return Ok(0);
        };
        let due = self.kernel.store.weekly_due(slot, WEEKLY_BATCH).await?;
        if due.is_empty() {
            return Ok(0);
        }
        let catalogue = self.catalogue().await?;
        let mut sent = 0;
        for member in due {
            let mut tx = self.kernel.store.begin().await?;
            let claimed = tx.claim_weekly(member, slot).await?;
            tx.commit().await?;
            if !claimed {
                continue;
            }
            let lang = self.kernel.language_of(member).await;
            let viewer = self.membership.recipient_viewer(member, now).await?;
            let Some(lines) = self.picks_for(&catalogue, member, &viewer, lang).await? else {
                continue;
            };
            let text = format!("{}\n{lines}", tr!(lang, "recommend-weekly-intro"));
            if self.kernel.tell_with(member, |_| text.clone()).await? {
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// When the next weekly DM falls due, if anyone asked for it.
    pub(crate) async fn next_weekly_at(
        &self,
        now: DateTime<Utc>,
    ) -> EngineResult<Option<DateTime<Utc>>> {
        if !self.kernel.store.any_weekly_recommendations().await? {
            return Ok(None);
        }
        let (last, next) = self.weekly_slots(now);
        // A slot already due (members not sent yet) wakes the loop at once.
        if let Some(last) = last
            && !self.kernel.store.weekly_due(last, 1).await?.is_empty()
        {
            return Ok(Some(last));
        }
        Ok(next)
    }
}
