//! What members and operators see of payments: `/subscription [cancel]` (a member's paid plans:
//! renews on, cancelled, paid until) and `/payments [@member]` for operators.

use super::Storefront;
use chrono::{DateTime, Utc};

use crate::commands::CommandContext;
use crate::core::ids::{AccountRef, IdOf, MemberId};
use crate::core::payments::Provider;
use crate::core::payments::renewal::RenewalStatus;
use crate::i18n::{datetime, money};
use crate::store::SubscriptionRow;
use crate::{EngineResult, PlatformError, refuse};
use crate::{msg, tr};

/// Payments listed by `/payments`.
const LISTED: u32 = 20;

impl Storefront {
    pub(crate) async fn subscription_command(
        &self,
        ctx: &CommandContext,
        cancel: bool,
    ) -> EngineResult<String> {
        if cancel {
            return self.cancel_renewals(ctx).await;
        }
        let lang = ctx.lang;
        let subscriptions = self.kernel.store.subscriptions_of(ctx.member).await?;
        if subscriptions.is_empty() {
            return Ok(tr!(lang, "subscription-none"));
        }
        let mut lines = vec![tr!(lang, "subscription-header")];
        for s in &subscriptions {
            let tier = self
                .paid
                .plan(&s.plan)
                .and_then(|p| self.membership.tier_def(&p.tier))
                .map_or(s.plan.as_str(), |t| t.name.as_str());
            let until = self.membership.until(lang, s.paid_until);
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
        if let Some(line) = self.send_card_portal(ctx, &subscriptions).await {
            lines.push(line);
        }
        Ok(lines.join("\n"))
    }

    /// Stops every renewing plan of the asker at its provider; access runs to the end of what
    /// was paid.
    async fn cancel_renewals(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        let stopped = self.stop_renewals(ctx.member, ctx.at).await?;
        if stopped.is_empty() {
            return refuse(msg!("subscription-nothing-renews"));
        }
        let lines: Vec<String> = stopped
            .into_iter()
            .map(|(s, result)| match result {
                Ok(()) => tr!(
                    lang,
                    "subscription-cancelled",
                    plan = &s.plan,
                    until = self.membership.until(lang, s.paid_until)
                ),
                Err(e) => tr!(
                    lang,
                    "subscription-cancel-failed",
                    plan = &s.plan,
                    error = e.describe(lang)
                ),
            })
            .collect();
        Ok(lines.join("\n"))
    }

    /// Stops renewal of every renewing plan of `member`, at the provider first, and says how
    /// each went. Also run before an erasure, which leaves nobody to cancel later.
    pub(crate) async fn stop_renewals(
        &self,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> EngineResult<Vec<(SubscriptionRow, Result<(), PlatformError>)>> {
        let renewing: Vec<SubscriptionRow> = self
            .kernel
            .store
            .subscriptions_of(member)
            .await?
            .into_iter()
            .filter(|s| s.renews)
            .collect();
        let mut done = Vec::with_capacity(renewing.len());
        for s in renewing {
            let asked = match s.provider {
                Provider::TelegramStars => {
                    let Ok(payer) = AccountRef::parse_checked(&s.payer, IdOf::Member) else {
                        continue;
                    };
                    self.kernel
                        .platform
                        .set_renewal(&payer, &s.charge_ref, false)
                        .await
                }
                Provider::Stripe => match self.paid.card_payments() {
                    Some(card) => card.stop_renewal(&s.charge_ref).await,
                    None => continue,
                },
                // Discord's subscriptions are cancelled in Discord; none is tracked here.
                Provider::DiscordSku => continue,
            };
            if let Err(e) = asked {
                done.push((s, Err(e)));
                continue;
            }
            if s.provider == Provider::TelegramStars
                && let Some(plan) = self.paid.plan(&s.plan)
            {
                // The grace after the period was for a late renewal; none is coming now.
                self.paid.stars_stopped(member, plan, "cancel", at).await?;
                done.push((s, Ok(())));
                continue;
            }
            let mut tx = self.kernel.store.begin().await?;
            tx.stop_renewal(member, &s.plan, s.provider, at).await?;
            if s.provider == Provider::Stripe {
                // The grace after the period was for a failed renewal; none is coming now.
                tx.set_subscription_status(&s, RenewalStatus::EndsAtPeriodEnd, at, at)
                    .await?;
                self.paid.settle_in(&mut tx, &s, "cancel", at).await?;
            }
            tx.commit().await?;
            done.push((s, Ok(())));
        }
        Ok(done)
    }

    pub(crate) async fn payments_command(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let member = match who {
            Some(_) => Some(self.identity.resolve_known(ctx, who).await?),
            None => None,
        };
        let rows = self
            .kernel
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
                when = datetime(lang, p.at, self.kernel.config.calendar.tz),
                kind = &p.kind,
                plan = &p.plan,
                amount = money(lang, p.amount, &p.currency),
                member = p.member.map_or(0, |m| m.0)
            ));
        }
        Ok(lines.join("\n"))
    }
}
