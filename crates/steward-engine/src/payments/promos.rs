//! Promo codes on the seller's side: `/promo create|list|end` (operators), the config file's
//! promos written at start-up, and a member's use of a code taken when they open a checkout
//! with it (`/subscribe PLAN CODE`), counted against the code's limit in the same transaction.

use chrono::{DateTime, Duration, Utc};

use super::storefront::Ways;
use super::{PaidTime, Storefront};
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::commands::{PromoCommand, PromoDraft};
use crate::core::ids::MemberId;
use crate::core::payments::Plan;
use crate::core::payments::promo::{Discount, Promo, PromoRefusal, fits_plan};
use crate::core::payments::reference::REFERENCE_LIFETIME_DAYS;
use crate::i18n::Lang;
use crate::store::PromoRow;
use crate::{msg, refuse, tr};

/// A use of a code a member holds: the promo, and the Stars price it was taken at.
#[derive(Debug, Clone)]
pub(super) struct HeldPromo {
    pub promo: Promo,
    pub stars: Option<u32>,
}

impl PaidTime {
    /// Takes `member`'s use of `code` for `plan` (or finds the one they took this week and have
    /// not paid yet), or refuses saying why. Two members asking for the last use at once: the
    /// second transaction sees the first's use and is refused.
    pub(super) async fn take_promo(
        &self,
        member: MemberId,
        plan: &Plan,
        code: &str,
        ways: Ways,
        at: DateTime<Utc>,
    ) -> EngineResult<HeldPromo> {
        let mut tx = self.kernel.store.begin().await?;
        let Some(promo) = tx.promo(code).await? else {
            return refuse(msg!("promo-unknown", code = code));
        };
        // A Stars price is no discount by card: refused before a use is taken.
        let payable =
            (ways.stars && plan.stars.is_some()) || (ways.card && promo.card_percent().is_some());
        if promo.plan == plan.id && !payable {
            return refuse(msg!("promo-stars-only", code = code, plan = &plan.id));
        }
        let open_since = at - Duration::days(REFERENCE_LIFETIME_DAYS);
        let theirs = tx.promo_use(code, member).await?;
        if let Some(held) = theirs.filter(|u| !u.paid && u.taken_at >= open_since)
            && promo.plan == plan.id
        {
            return Ok(HeldPromo {
                promo,
                stars: held.stars,
            });
        }
        let taken = tx.promo_uses_taken(code, member, open_since).await?;
        let paid_before = theirs.is_some_and(|u| u.paid);
        if let Err(why) = promo.may_take(&plan.id, taken, paid_before, at) {
            return refuse(match why {
                PromoRefusal::Unknown => msg!("promo-other-plan", code = code, plan = &promo.plan),
                PromoRefusal::Expired => msg!("promo-expired", code = code),
                PromoRefusal::UsedUp => msg!("promo-used-up", code = code),
                PromoRefusal::AlreadyUsed => msg!("promo-already-used", code = code),
            });
        }
        let stars = plan.stars.map(|full| promo.stars_price(full));
        tx.take_promo_use(code, member, &plan.id, stars, at).await?;
        tx.commit().await?;
        Ok(HeldPromo { promo, stars })
    }
}

impl Storefront {
    pub(crate) async fn promo_command(
        &self,
        ctx: &CommandContext,
        command: PromoCommand,
    ) -> EngineResult<String> {
        match command {
            PromoCommand::Create(draft) => self.create_promo(ctx, draft).await,
            PromoCommand::List => self.list_promos(ctx.lang, ctx.at).await,
            PromoCommand::End { code } => {
                let mut tx = self.kernel.store.begin().await?;
                if !tx.end_promo(&code, ctx.at).await? {
                    return refuse(if tx.promo(&code).await?.is_some() {
                        msg!("promo-ended-already", code = &code)
                    } else {
                        msg!("promo-unknown", code = &code)
                    });
                }
                tx.commit().await?;
                Ok(tr!(ctx.lang, "promo-ended", code = &code))
            }
        }
    }

    async fn create_promo(&self, ctx: &CommandContext, draft: PromoDraft) -> EngineResult<String> {
        let plan = self.paid.plan_or_refuse(&draft.plan)?;
        if !fits_plan(draft.discount, plan) {
            return refuse(match (draft.discount, plan.stars) {
                (Discount::Stars(_), Some(stars)) => {
                    msg!("promo-price-too-high", plan = &plan.id, stars = stars)
                }
                (Discount::Stars(_), None) => msg!("promo-no-stars", plan = &plan.id),
                (Discount::Percent(_), _) => msg!("parse-promo-percent"),
            });
        }
        let calendar = &self.kernel.config.calendar;
        let until = draft
            .until
            .map(|day| steward_config::promos::last_moment_of(calendar, day));
        if until.is_some_and(|until| until < ctx.at) {
            return refuse(msg!("promo-until-past"));
        }
        let promo = Promo {
            code: draft.code,
            plan: plan.id.clone(),
            discount: draft.discount,
            until,
            uses: draft.uses,
            first_term_only: draft.first_term_only,
            ended: false,
        };
        let mut tx = self.kernel.store.begin().await?;
        if !tx.create_promo(&promo, ctx.member, ctx.at).await? {
            return refuse(msg!("promo-exists", code = &promo.code));
        }
        tx.commit().await?;
        Ok(tr!(
            ctx.lang,
            "promo-created",
            line = self.promo_line(ctx.lang, &promo),
            plan = &promo.plan,
            code = &promo.code
        ))
    }

    async fn list_promos(&self, lang: Lang, at: DateTime<Utc>) -> EngineResult<String> {
        let open_since = at - Duration::days(REFERENCE_LIFETIME_DAYS);
        let promos = self.kernel.store.promos(open_since).await?;
        if promos.is_empty() {
            return Ok(tr!(lang, "promo-list-none"));
        }
        let mut lines = vec![tr!(lang, "promo-list-header")];
        lines.extend(promos.iter().map(|row| self.promo_row_line(lang, row)));
        Ok(lines.join("\n"))
    }

    fn promo_row_line(&self, lang: Lang, row: &PromoRow) -> String {
        let uses = match row.promo.uses {
            Some(limit) => tr!(
                lang,
                "promo-uses-of",
                paid = row.paid,
                open = row.open,
                limit = limit
            ),
            None => tr!(lang, "promo-uses", paid = row.paid, open = row.open),
        };
        let mut line = format!("{} · {uses}", self.promo_line(lang, &row.promo));
        if row.promo.ended {
            line.push_str(&tr!(lang, "promo-ended-mark"));
        }
        line
    }

    /// `SPRING-25: 20% off pro-month (400 ⭐ instead of 500 ⭐), until 2027-03-31, first term only`.
    pub(super) fn promo_line(&self, lang: Lang, promo: &Promo) -> String {
        let full = self.paid.plan(&promo.plan).and_then(|p| p.stars);
        let mut parts = vec![match (promo.discount, full) {
            (Discount::Percent(off), Some(full)) => tr!(
                lang,
                "promo-percent-stars",
                percent = off,
                plan = &promo.plan,
                stars = promo.stars_price(full),
                full = full
            ),
            (Discount::Percent(off), None) => {
                tr!(lang, "promo-percent", percent = off, plan = &promo.plan)
            }
            (Discount::Stars(_), full) => tr!(
                lang,
                "promo-stars",
                plan = &promo.plan,
                stars = promo.stars_price(full.unwrap_or(u32::MAX)),
                full = full.unwrap_or_default()
            ),
        }];
        if let Some(until) = promo.until {
            let day = self.kernel.config.calendar.day(until);
            parts.push(tr!(lang, "promo-until", day = day.to_string()));
        }
        if promo.first_term_only {
            parts.push(tr!(lang, "promo-first-term-only"));
        }
        format!("{}: {}", promo.code, parts.join(", "))
    }
}
