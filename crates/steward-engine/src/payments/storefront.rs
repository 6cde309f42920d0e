//! What members and operators are offered and shown of payments: `/plans`, `/subscribe`,
//! `/start subscribe-PLAN`, `/paysupport` (this file), the card checkout and billing portal
//! links (`card.rs`, `portal.rs`), `/subscription` and `/payments` (`views.rs`) and an
//! operator's `/payments refund` (`refund.rs`).

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::PaidTime;
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

    /// `/subscribe PLAN`: by DM, a Stars invoice link on Telegram and a card checkout wherever
    /// card payments are set up.
    pub(crate) async fn subscribe(&self, ctx: &CommandContext, id: &str) -> EngineResult<String> {
        let lang = ctx.lang;
        let plan = self.paid.plan_or_refuse(id)?;
        let stars_here = plan.stars.is_some() && ctx.chat.platform == Platform::Telegram;
        let card_here = self.paid.card_payable(plan);
        if !stars_here && !card_here {
            return refuse(if plan.stars.is_some() {
                msg!("subscribe-on-telegram", plan = &plan.id)
            } else if plan.discord_sku.is_some() {
                msg!("subscribe-in-discord", plan = &plan.id)
            } else {
                msg!("subscribe-card-later", plan = &plan.id)
            });
        }
        let tier = self.membership.tier(lang, &plan.tier)?;
        let reference = self.purchase(ctx.member, plan, lang, ctx.at).await?;
        let mut links = Vec::new();
        if stars_here {
            match self
                .stars_link(lang, plan, &tier.name, reference.clone())
                .await
            {
                Ok(link) => links.push(tr!(lang, "subscribe-link", tier = &tier.name, link = link)),
                Err(e) => return refuse(msg!("subscribe-failed", error = e.describe(lang))),
            }
        }
        if card_here {
            match self
                .card_checkout_url(plan, ctx.member, reference, lang, ctx.at)
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
        let account = &ctx.sender.person.profile.account;
        if let Err(e) = self.kernel.platform.dm(account, &links.join("\n\n")).await {
            return refuse(msg!("subscribe-dm-failed", error = e.describe(lang)));
        }
        Ok(tr!(lang, "subscribe-sent"))
    }

    /// The signed reference for `member` to buy `plan`, or why they may not: they hold its tier
    /// for life, or already have a subscription to it that renews.
    pub(super) async fn purchase(
        &self,
        member: MemberId,
        plan: &Plan,
        lang: Lang,
        at: DateTime<Utc>,
    ) -> EngineResult<String> {
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
        let reference = PaymentRef::new(member, &plan.id, at);
        Ok(reference.sign(&self.paid.payment_secret().await?))
    }

    /// A Telegram Stars invoice link for `plan`.
    async fn stars_link(
        &self,
        lang: Lang,
        plan: &Plan,
        tier: &str,
        reference: String,
    ) -> Result<String, crate::PlatformError> {
        let invoice = Invoice {
            title: tr!(lang, "invoice-title", tier = tier),
            description: match plan.term {
                Term::Lifetime => tr!(lang, "invoice-description-lifetime", tier = tier),
                _ if plan.stars_renews() => tr!(lang, "invoice-description-monthly", tier = tier),
                term => tr!(
                    lang,
                    "invoice-description",
                    tier = tier,
                    term = term_words(term)
                ),
            },
            payload: reference,
            stars: plan.stars.unwrap_or_default(),
            renews_every_secs: plan.stars_renews().then_some(STARS_SUBSCRIPTION_SECS),
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
            return self.subscribe(ctx, plan).await;
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
