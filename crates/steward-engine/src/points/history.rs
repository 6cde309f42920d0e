//! `/history`: a member's latest point changes, each with why it happened, in the reader's
//! language and the community's timezone.

use chrono::NaiveDate;

use crate::commands::CommandContext;
use crate::i18n::{self, Lang};
use crate::store::{LedgerEntry, LedgerKind};
use crate::{EngineResult, Points, refuse};
use crate::{msg, tr};

/// Ledger rows `/history` lists.
const HISTORY_LENGTH: u32 = 10;

impl Points {
    pub(crate) async fn history(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let (member, name) = if who.is_none() && ctx.reply_to.is_none() {
            (ctx.member, ctx.sender.person.profile.display_name.clone())
        } else {
            let target = self.identity.resolve_known(ctx, who).await?;
            (target.id, target.name)
        };
        if member != ctx.member && !self.kernel.is_operator(&ctx.sender) {
            return refuse(msg!("history-others-operator-only"));
        }
        let entries = self.kernel.store.history(member, HISTORY_LENGTH).await?;
        if entries.is_empty() {
            return Ok(tr!(lang, "history-empty", name = name));
        }
        let tz = self.kernel.config.calendar.tz;
        let mut lines = vec![tr!(lang, "history-header", name = name)];
        lines.extend(entries.iter().map(|e| {
            let local = e.at.with_timezone(&tz);
            tr!(
                lang,
                "history-line",
                day = i18n::date(lang, local.date_naive()),
                time = local.format("%H:%M").to_string(),
                xp = signed(e.delta_xp),
                points = signed(e.delta_balance),
                count = e.delta_balance.abs(),
                why = describe(lang, e)
            )
        }));
        Ok(lines.join("\n"))
    }
}

/// A ledger figure with its sign: `+22`, `-5`, `+0`.
fn signed(n: i64) -> String {
    format!("{n:+}")
}

/// Why a ledger row exists, in words.
fn describe(lang: Lang, entry: &LedgerEntry) -> String {
    let actor = || match entry.actor.as_deref() {
        Some(actor) => actor.to_owned(),
        None => tr!(lang, "history-actor-unknown"),
    };
    let by_someone = match entry.kind {
        Some(LedgerKind::Thanks) => tr!(lang, "history-why-thanks", actor = actor()),
        Some(LedgerKind::Grant) => tr!(lang, "history-why-grant", actor = actor()),
        Some(LedgerKind::Remove) => tr!(lang, "history-why-remove", actor = actor()),
        Some(LedgerKind::Message) => {
            return match entry.reference.as_deref() {
                Some(day) => tr!(lang, "history-why-messages", day = local_day(lang, day)),
                None => tr!(lang, "history-why-messages-undated"),
            };
        }
        Some(LedgerKind::Daily) => return tr!(lang, "history-why-daily"),
        Some(LedgerKind::Link) => return tr!(lang, "history-why-link"),
        Some(LedgerKind::Rollup) => return tr!(lang, "history-why-rollup"),
        Some(LedgerKind::Learning) => {
            let lesson = entry.reference.as_deref().unwrap_or_default();
            return tr!(lang, "history-why-lesson", lesson = lesson);
        }
        Some(LedgerKind::Course) => {
            let course = entry.reference.as_deref().unwrap_or_default();
            return tr!(lang, "history-why-course", course = course);
        }
        Some(LedgerKind::Contribution) => {
            let id = entry.reference.as_deref().unwrap_or_default();
            return tr!(lang, "history-why-contribution", id = id);
        }
        Some(LedgerKind::Referral) => return tr!(lang, "history-why-referral"),
        Some(LedgerKind::Answer) => {
            let id = entry.reference.as_deref().unwrap_or_default();
            return tr!(lang, "history-why-answer", id = id);
        }
        Some(LedgerKind::Bounty) => {
            let id = entry.reference.as_deref().unwrap_or_default();
            return tr!(lang, "history-why-bounty", id = id);
        }
        Some(LedgerKind::Event) => {
            let id = entry.reference.as_deref().unwrap_or_default();
            return tr!(lang, "history-why-event", id = id);
        }
        // The reason holds the format the XP came in (`mee6`, `json`).
        Some(LedgerKind::Import) => {
            let source = entry.reason.as_deref().unwrap_or_default();
            return tr!(lang, "history-why-import", source = source);
        }
        Some(LedgerKind::Redeem) => {
            return match entry.reference.as_deref() {
                Some(reward) => tr!(lang, "history-why-redeem", reward = reward),
                None => tr!(lang, "history-why-redeem-unknown"),
            };
        }
        None => return tr!(lang, "history-why-other"),
    };
    match entry.reason.as_deref() {
        Some(reason) => tr!(
            lang,
            "history-why-with-reason",
            why = by_someone,
            reason = reason
        ),
        None => by_someone,
    }
}

/// A message row's day (stored as `2026-11-25`) in the reader's form, or as stored if it does
/// not read as a date.
fn local_day(lang: Lang, day: &str) -> String {
    day.parse::<NaiveDate>()
        .map_or_else(|_| day.to_owned(), |parsed| i18n::date(lang, parsed))
}
