//! Buying team seats: the manager's Stars invoice for all the seats at once, paid once per
//! term (its signed reference names the team), and the payment that starts the team. The
//! price is checked as every price is (`core::payments::decide::pays_for`, per seat).

use chrono::{DateTime, Utc};

use super::{PaidTime, Storefront};
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::ids::Platform;
use crate::core::payments::Plan;
use crate::core::payments::Provider;
use crate::core::payments::reference::PaymentRef;
use crate::core::teams::Team;
use crate::core::tiers;
use crate::membership::words::term as term_words;
use crate::metrics::PaymentOutcome;
use crate::platform::Invoice;
use crate::store::WriteTx;
use crate::{msg, refuse, tr};

/// A team waiting for its payment, as its invoice names it.
pub(crate) struct TeamOrder<'a> {
    pub team: i64,
    pub name: &'a str,
    pub plan: &'a Plan,
    pub tier: &'a str,
    pub seats: u32,
    pub stars: u32,
}

impl Storefront {
    /// Sends the manager, by DM, the invoice for `order`'s seats.
    pub(crate) async fn send_team_invoice(
        &self,
        ctx: &CommandContext,
        order: TeamOrder<'_>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let reference = PaymentRef::new(ctx.member, &order.plan.id, ctx.at)
            .for_team(order.team)
            .sign(&self.paid.payment_secret().await?);
        let invoice = Invoice {
            title: tr!(
                lang,
                "team-invoice-title",
                tier = order.tier,
                team = order.name
            ),
            description: tr!(
                lang,
                "team-invoice-description",
                tier = order.tier,
                seats = order.seats,
                term = term_words(order.plan.term)
            ),
            payload: reference,
            stars: order.stars,
            // Paid once per term: Telegram renews a subscription at one price for one buyer.
            renews_every_secs: None,
        };
        let link = match self
            .kernel
            .platform
            .invoice_link(Platform::Telegram, &invoice)
            .await
        {
            Ok(link) => link,
            Err(e) => return refuse(msg!("subscribe-failed", error = e.describe(lang))),
        };
        let text = tr!(
            lang,
            "team-link",
            team = order.name,
            seats = order.seats,
            link = link
        );
        let account = &ctx.sender.person.profile.account;
        if let Err(e) = self.kernel.platform.dm(account, &text).await {
            return refuse(msg!("subscribe-dm-failed", error = e.describe(lang)));
        }
        Ok(tr!(lang, "subscribe-sent"))
    }
}

impl PaidTime {
    /// After a team's payment, in its transaction: the team starts for its plan's term; the
    /// text for its manager.
    pub(super) async fn start_paid_team(
        &self,
        mut tx: WriteTx,
        team: &Team,
        plan: &Plan,
        payment: i64,
        provider: Provider,
        at: DateTime<Utc>,
    ) -> EngineResult<Option<String>> {
        // No membership runs before a team's first term: a lifetime plan gives `None`.
        let expires = tiers::extended(None, plan.term, at).unwrap_or(None);
        if !tx.start_team(team.id, payment, at, expires).await? {
            // Paid twice (two invoices for one team): the second is kept for a refund.
            tx.commit().await?;
            tracing::warn!(
                team = team.id,
                payment,
                "a team paid for again: nothing started"
            );
            self.kernel
                .tell_operators_with(|lang| {
                    tr!(lang, "team-paid-twice", team = &team.name, id = payment)
                })
                .await;
            return Ok(None);
        }
        tx.commit().await?;
        self.kernel
            .metrics
            .money
            .payment(provider, PaymentOutcome::Granted);
        self.kernel.wake.notify_one();
        let lang = self.kernel.language_of(team.manager).await;
        Ok(Some(tr!(
            lang,
            "team-paid",
            team = &team.name,
            seats = team.seats,
            until = self.membership.until(lang, expires)
        )))
    }
}
