//! What members and operators are offered and shown of payments: `/plans`, `/subscribe`,
//! `/start subscribe-PLAN`, `/paysupport` (this file), `/promo` and promo codes (`promos.rs`), the card checkout and billing portal
//! links (`card.rs`, `portal.rs`), `/subscription` and `/payments` (`views.rs`) and an
//! operator's `/payments refund` (`refund.rs`).

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::PaidTime;
use super::promos::HeldPromo;
use crate::commands::CommandContext;
use crate::core::duration::Term;
use crate::core::ids::MemberId;
use crate::core::ids::Platform;
use crate::core::payments::reference::PaymentRef;
use crate::core::payments::{Plan, STARS_SUBSCRIPTION_SECS};
use crate::i18n::Lang;
use crate::membership::words::term as term_words;
use crate::platform::Invoice;
use crate::{EngineResult, refuse};
use crate::{Identity, Kernel, Memberships};
use crate::{msg, tr};

/// The start of a deep link's payload that buys a plan: `t.me/BOT?start=subscribe-PLAN`.
const SUBSCRIBE_LINK: &str = "subscribe-";

/// How a member can pay here: Stars (on Telegram, for a plan with a Stars price), a card.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ways {
    pub stars: bool,
    pub card: bool,
}

/// What a Stars invoice asks: its price, and whether Telegram renews it every 30 days.
#[derive(Debug, Clone, Copy)]
pub(super) struct Price {
    pub stars: u32,
    pub renews: bool,
}

/// Selling plans and showing members and operators what they paid.
pub struct Storefront {
    pub(super) kernel: Arc<Kernel>,
    pub(super) identity: Arc<Identity>,
    pub(super) membership: Arc<Memberships>,
    pub(super) paid: Arc<PaidTime>,
}

impl Storefront {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        identity: Arc<Identity>,
        membership: Arc<Memberships>,
        paid: Arc<PaidTime>,
    ) -> Self {
        Self {
            kernel,
            identity,
            membership,
            paid,
        }
    }
}

impl Storefront {
    pub(crate) fn plans_command(&self, ctx: &CommandContext) -> String {
        let lang = ctx.lang;
        if self.kernel.config.plans.is_empty() {
            return tr!(lang, "plans-none");
        }
        let mut lines = vec![tr!(lang, "plans-header")];
        lines.extend(
            self.kernel
                .config
                .plans
                .iter()
                .map(|p| self.paid.plan_line(lang, p)),
        );
        lines.push(tr!(lang, "plans-footer"));
        lines.join("\n")
    }

    /// `/subscribe PLAN [CODE]`: by DM, a Stars invoice link on Telegram and a card checkout
    /// wherever card payments are set up, at the promo's price where a code is given.
    pub(crate) async fn subscribe(
        &self,
        ctx: &CommandContext,
        id: &str,
        code: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let plan = self.paid.plan_or_refuse(id)?;
        let stars_here = plan.stars.is_some() && ctx.chat.platform == Platform::Telegram;
        let card_here = self.paid.card_payable(plan);
        if !stars_here && !card_here {
            return refuse(if let (Some(_), Some(code)) = (plan.stars, code) {
                msg!("subscribe-on-telegram-code", plan = &plan.id, code = code)
            } else if plan.stars.is_some() {
                msg!("subscribe-on-telegram", plan = &plan.id)
            } else if plan.discord_sku.is_some() {
                msg!("subscribe-in-discord", plan = &plan.id)
            } else {
                msg!("subscribe-card-later", plan = &plan.id)
            });
        }
        let tier = self.membership.tier(lang, &plan.tier)?;
        let ways = Ways {
            stars: stars_here,
            card: card_here,
        };
        let (reference, held) = self
            .purchase(ctx.member, plan, lang, ctx.at, code.map(|c| (c, ways)))
            .await?;
        let promo = held.as_ref().map(|h| &h.promo);
        let card_here = card_here && promo.is_none_or(|p| p.card_percent().is_some());
        let mut links = Vec::new();
        if stars_here {
            let price = Price {
                stars: held
                    .as_ref()
                    .and_then(|h| h.stars)
                    .or(plan.stars)
                    .unwrap_or_default(),
                renews: promo.map_or(plan.stars_renews(), |p| p.stars_may_renew(plan)),
            };
            match self
                .stars_link(lang, plan, &tier.name, reference.clone(), price)
                .await
            {
                Ok(link) => links.push(tr!(lang, "subscribe-link", tier = &tier.name, link = link)),
                Err(e) => return refuse(msg!("subscribe-failed", error = e.describe(lang))),
            }
        }
        if card_here {
            match self
                .card_checkout_url(plan, ctx.member, reference, lang, ctx.at, promo)
                .await?
            {
                Ok(link) => links.push(tr!(
                    lang,
                    "subscribe-card-link",
                    tier = &tier.name,
                    link = link
                )),
                Err(e) => {
                    tracing::warn!(error = %e, plan = %plan.id, "no card checkout");
                    if links.is_empty() {
                        return refuse(msg!("subscribe-failed", error = e.describe(lang)));
                    }
                }
            }
        }
        if let Some(promo) = promo {
            links.insert(
                0,
                tr!(lang, "subscribe-promo", line = self.promo_line(lang, promo)),
            );
        }
        let account = &ctx.sender.person.profile.account;
        if let Err(e) = self.kernel.platform.dm(account, &links.join("\n\n")).await {
            return refuse(msg!("subscribe-dm-failed", error = e.describe(lang)));
        }
        Ok(tr!(lang, "subscribe-sent"))
    }

    /// The signed reference for `member` to buy `plan`, or why they may not: they hold its tier
    /// for life, or already have a subscription to it that renews; with a code, the use of it
    /// taken (or why not).
    pub(super) async fn purchase(
        &self,
        member: MemberId,
        plan: &Plan,
        lang: Lang,
        at: DateTime<Utc>,
        code: Option<(&str, Ways)>,
    ) -> EngineResult<(String, Option<HeldPromo>)> {
        let tier = self.membership.tier(lang, &plan.tier)?;
        let current = self.kernel.store.memberships(member).await?;
        if current
            .iter()
            .any(|m| m.tier == tier.id && m.is_active(at) && m.expires_at.is_none())
        {
            return refuse(msg!("subscribe-already-lifetime", tier = &tier.name));
        }
        let subscriptions = self.kernel.store.subscriptions_of(member).await?;
        if subscriptions.iter().any(|s| {
            s.plan == plan.id && s.renews && s.ended_at.is_none() && s.paid_until > Some(at)
        }) {
            return refuse(msg!("subscribe-already-renewing", plan = &plan.id));
        }
        let mut reference = PaymentRef::new(member, &plan.id, at);
        let held = match code {
            Some((code, ways)) => {
                let held = self.paid.take_promo(member, plan, code, ways, at).await?;
                reference = reference.with_promo(&held.promo.code);
                Some(held)
            }
            None => None,
        };
        Ok((reference.sign(&self.paid.payment_secret().await?), held))
    }

    /// A Telegram Stars invoice link for `plan`.
    pub(super) async fn stars_link(
        &self,
        lang: Lang,
        plan: &Plan,
        tier: &str,
        reference: String,
        price: Price,
    ) -> Result<String, crate::PlatformError> {
        let invoice = Invoice {
            title: tr!(lang, "invoice-title", tier = tier),
            description: match plan.term {
                Term::Lifetime => tr!(lang, "invoice-description-lifetime", tier = tier),
                _ if price.renews => tr!(lang, "invoice-description-monthly", tier = tier),
                term => tr!(
                    lang,
                    "invoice-description",
                    tier = tier,
                    term = term_words(term)
                ),
            },
            payload: reference,
            stars: price.stars,
            renews_every_secs: price.renews.then_some(STARS_SUBSCRIPTION_SECS),
        };
        let link = self
            .kernel
            .platform
            .invoice_link(Platform::Telegram, &invoice)
            .await;
        if let Err(e) = &link {
            tracing::warn!(error = %e, plan = %plan.id, "no invoice link");
        }
        link
    }

    /// `/start [PAYLOAD]`: the greeting a member's first message to the bot gets, in their
    /// language; a `subscribe-PLAN` payload (an operator's "Join" link) goes on to `/subscribe`.
    pub(crate) async fn start_command(
        &self,
        ctx: &CommandContext,
        payload: Option<&str>,
    ) -> EngineResult<String> {
        if let Some(plan) = payload.and_then(|p| p.strip_prefix(SUBSCRIBE_LINK)) {
            return self.subscribe(ctx, plan, None).await;
        }
        let lang = ctx.lang;
        let mut lines = vec![tr!(
            lang,
            "start-greeting",
            community = &self.kernel.config.community_name
        )];
        if !self.kernel.config.plans.is_empty() {
            lines.push(tr!(lang, "start-plans"));
        }
        Ok(lines.join("\n"))
    }

    pub(crate) fn pay_support(&self, ctx: &CommandContext) -> String {
        tr!(
            ctx.lang,
            "paysupport",
            community = &self.kernel.config.community_name
        )
    }
}
