//! What members and operators see of payments: `/subscription [cancel]` (a member's paid plans:
//! renews on, cancelled, paid until) and `/payments [@member]` for operators.

use crate::core::ids::{AccountRef, IdOf};
use crate::core::payments::Provider;
use crate::engine::commands::CommandContext;
use crate::engine::{Engine, EngineResult, refuse};
use crate::i18n::datetime;
use crate::tr;

/// Payments listed by `/payments`.
const LISTED: u32 = 20;

impl Engine {
    pub(crate) async fn subscription_command(
        &self,
        ctx: &CommandContext,
        cancel: bool,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let subscriptions = self.store.subscriptions_of(ctx.member).await?;
        if cancel {
            return self.cancel_renewals(ctx).await;
        }
        if subscriptions.is_empty() {
            return Ok(tr!(lang, "subscription-none"));
        }
        let mut lines = vec![tr!(lang, "subscription-header")];
        for s in &subscriptions {
            let tier = self
                .plan(&s.plan)
                .and_then(|p| self.tier_def(&p.tier))
                .map_or(s.plan.as_str(), |t| t.name.as_str());
            let until = self.until(lang, s.paid_until);
            lines.push(if s.renews {
                tr!(
                    lang,
                    "subscription-renews",
                    tier = tier,
                    plan = &s.plan,
                    until = until
                )
            } else {
                tr!(
                    lang,
                    "subscription-ends",
                    tier = tier,
                    plan = &s.plan,
                    until = until
                )
            });
        }
        Ok(lines.join("\n"))
    }

    /// Stops every renewing plan of the asker at its provider; access runs to the end of what
    /// was paid.
    async fn cancel_renewals(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        let renewing: Vec<_> = self
            .store
            .subscriptions_of(ctx.member)
            .await?
            .into_iter()
            .filter(|s| s.renews)
            .collect();
        if renewing.is_empty() {
            return refuse(tr!(lang, "subscription-nothing-renews"));
        }
        let mut lines = Vec::new();
        for s in renewing {
            let Ok(payer) = AccountRef::parse_checked(&s.payer, IdOf::Member) else {
                continue;
            };
            if s.provider == Provider::TelegramStars
                && let Err(e) = self
                    .platform
                    .set_renewal(&payer, &s.charge_ref, false)
                    .await
            {
                lines.push(tr!(
                    lang,
                    "subscription-cancel-failed",
                    plan = &s.plan,
                    error = e.describe(lang)
                ));
                continue;
            }
            let mut tx = self.store.begin().await?;
            tx.stop_renewal(ctx.member, &s.plan, s.provider, ctx.at)
                .await?;
            tx.commit().await?;
            lines.push(tr!(
                lang,
                "subscription-cancelled",
                plan = &s.plan,
                until = self.until(lang, s.paid_until)
            ));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) async fn payments_command(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let member = match who {
            Some(_) => Some(self.resolve_known(ctx, who).await?),
            None => None,
        };
        let rows = self
            .store
            .payments(member.as_ref().map(|t| t.id), LISTED)
            .await?;
        if rows.is_empty() {
            return Ok(tr!(lang, "payments-none"));
        }
        let mut lines = vec![match &member {
            Some(t) => tr!(lang, "payments-header-of", name = &t.name),
            None => tr!(lang, "payments-header"),
        }];
        for p in rows {
            lines.push(tr!(
                lang,
                "payments-line",
                id = p.id,
                when = datetime(lang, p.at, self.config.calendar.tz),
                kind = &p.kind,
                plan = &p.plan,
                amount = p.amount,
                currency = &p.currency,
                member = p.member.map_or(0, |m| m.0)
            ));
        }
        Ok(lines.join("\n"))
    }
}
