//! Buying team seats: the manager's Stars invoice for all the seats at once, paid once per
//! term (its signed reference names the team), and the payment that starts the team. The
//! price is checked as every price is (`core::payments::decide::pays_for`, per seat).

use chrono::{DateTime, Duration, Utc};

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
use crate::store::{TeamPayment, WriteTx};
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
    /// After a team's payment, in its transaction: a team waiting for it starts for its plan's
    /// term, a running one (or one whose time is up but not yet ended) runs a term longer; the
    /// text for its manager. A payment for an ended team gives nothing and the operators are
    /// told, to refund it.
    pub(super) async fn apply_team_payment(
        &self,
        mut tx: WriteTx,
        team: &Team,
        plan: &Plan,
        payment: i64,
        provider: Provider,
        at: DateTime<Utc>,
    ) -> EngineResult<Option<String>> {
        let moved = if team.ended_at.is_some() {
            None
        } else if team.started_at.is_none() {
            // Nothing runs before a team's first term: a lifetime plan gives `None`.
            let expires = tiers::extended(None, plan.term, at).unwrap_or(None);
            tx.start_team(team.id, payment, at, expires, self.reminded(expires, at))
                .await?
                .then_some(expires)
        } else {
            match tiers::extended(Some(&team.seat_membership()), plan.term, at) {
                Ok(expires) => {
                    let reminded = self.reminded(expires, at);
                    // A team whose time was up gets its term from now: that is what was given.
                    let from = team.expires_at.map(|end| end.max(at));
                    tx.move_team_end(team.id, Some(payment), (from, expires), reminded)
                        .await?;
                    Some(expires)
                }
                Err(_) => None,
            }
        };
        tx.commit().await?;
        let Some(expires) = moved else {
            tracing::warn!(
                team = team.id,
                payment,
                "a payment for a team that ended: nothing given"
            );
            self.kernel
                .tell_operators_with(|lang| {
                    tr!(lang, "team-paid-twice", team = &team.name, id = payment)
                })
                .await;
            return Ok(None);
        };
        self.kernel
            .metrics
            .money
            .payment(provider, PaymentOutcome::Granted);
        self.kernel.wake.notify_one();
        let lang = self.kernel.language_of(team.manager).await;
        let until = self.membership.until(lang, expires);
        Ok(Some(if team.started_at.is_none() {
            tr!(
                lang,
                "team-paid",
                team = &team.name,
                seats = team.seats,
                until = until
            )
        } else {
            tr!(lang, "team-renewed", team = &team.name, until = until)
        }))
    }

    /// A team payment's refund, in its transaction: the time it gave is taken off the team's
    /// end (a lifetime team's ends now); the scheduler then ends a team whose time is
    /// up, and every seat's access, once.
    pub(super) async fn take_back_team_time(
        &self,
        tx: &mut WriteTx,
        paid: TeamPayment,
        at: DateTime<Utc>,
    ) -> EngineResult<()> {
        let Some(team) = tx.team(paid.team).await?.filter(|t| t.ended_at.is_none()) else {
            return Ok(());
        };
        // What the payment gave runs from the end it moved (or the team's start) to its end.
        let from = paid.before.or(team.started_at);
        let end = match (from, paid.after, team.expires_at) {
            (Some(from), Some(after), Some(end)) => (end - (after - from)).max(at),
            _ => at,
        };
        let reminded = self.reminded(Some(end), at);
        tx.move_team_end(team.id, None, (team.expires_at, Some(end)), reminded)
            .await?;
        Ok(())
    }

    /// The reminders of a team's new `end` already past at `at`: not sent for it.
    fn reminded(&self, end: Option<DateTime<Utc>>, at: DateTime<Utc>) -> Option<Duration> {
        let offsets = &self.kernel.config.membership.reminders;
        end.and_then(|end| tiers::reminders_already_past(end, offsets, at))
    }
}
