//! Selling tiers: `/plans`, `/subscribe`, `/paysupport` (this file), checkouts and the payments
//! providers report (`checkout.rs`: each applied once, through the same grant and end paths as
//! `/member`), refunds (`refund.rs`), and what members and operators see (`views.rs`).

mod checkout;
mod refund;
mod views;

use crate::core::duration::Term;
use crate::core::ids::Platform;
use crate::core::payments::reference::PaymentRef;
use crate::core::payments::{Plan, STARS_SUBSCRIPTION_SECS};
use crate::engine::commands::CommandContext;
use crate::engine::membership::words::term as term_words;
use crate::engine::platform::Invoice;
use crate::engine::{Engine, EngineResult, refuse};
use crate::i18n::Lang;
use crate::tr;
pub use checkout::{Checkout, PaymentReceived};
pub use refund::PaymentRefunded;

impl Engine {
    /// The secret payment references are signed with: read (or created) once per process.
    async fn payment_secret(&self) -> EngineResult<Vec<u8>> {
        let secret = self
            .payment_secret
            .get_or_try_init(|| self.store.payment_secret())
            .await?;
        Ok(secret.clone())
    }

    pub(crate) fn plan(&self, id: &str) -> Option<&Plan> {
        self.config.plans.iter().find(|p| p.id == id)
    }

    /// A plan by id, or a refusal that lists the plans on sale.
    fn plan_or_refuse(&self, lang: Lang, id: &str) -> EngineResult<&Plan> {
        match self.plan(id) {
            Some(plan) => Ok(plan),
            None => refuse(tr!(lang, "plan-unknown", plan = id)),
        }
    }

    /// One plan in a line: its tier, term and prices.
    fn plan_line(&self, lang: Lang, plan: &Plan) -> String {
        let tier = self
            .tier_def(&plan.tier)
            .map_or(plan.tier.as_str(), |t| t.name.as_str());
        let mut prices = Vec::new();
        if let Some(stars) = plan.stars {
            prices.push(if plan.stars_renews() {
                tr!(lang, "plan-price-stars-monthly", stars = stars)
            } else {
                tr!(lang, "plan-price-stars", stars = stars)
            });
        }
        if plan.stripe_price.is_some() {
            prices.push(tr!(lang, "plan-price-card"));
        }
        tr!(
            lang,
            "plan-line",
            plan = &plan.id,
            tier = tier,
            term = term_words(plan.term),
            prices = prices.join(" · ")
        )
    }

    pub(crate) fn plans_command(&self, ctx: &CommandContext) -> String {
        let lang = ctx.lang;
        if self.config.plans.is_empty() {
            return tr!(lang, "plans-none");
        }
        let mut lines = vec![tr!(lang, "plans-header")];
        lines.extend(self.config.plans.iter().map(|p| self.plan_line(lang, p)));
        lines.push(tr!(lang, "plans-footer"));
        lines.join("\n")
    }

    /// `/subscribe PLAN`: on Telegram, a Stars invoice link by DM; elsewhere, where to pay.
    pub(crate) async fn subscribe(&self, ctx: &CommandContext, id: &str) -> EngineResult<String> {
        let lang = ctx.lang;
        let plan = self.plan_or_refuse(lang, id)?;
        let Some(stars) = plan.stars else {
            return refuse(tr!(lang, "subscribe-card-later", plan = &plan.id));
        };
        if ctx.chat.platform != Platform::Telegram {
            return refuse(tr!(lang, "subscribe-on-telegram", plan = &plan.id));
        }
        let tier = self.tier(lang, &plan.tier)?;
        let current = self.store.memberships(ctx.member).await?;
        if current
            .iter()
            .any(|m| m.tier == tier.id && m.is_active(ctx.at) && m.expires_at.is_none())
        {
            return refuse(tr!(lang, "subscribe-already-lifetime", tier = &tier.name));
        }
        let secret = self.payment_secret().await?;
        let reference = PaymentRef {
            member: ctx.member,
            plan: plan.id.clone(),
        };
        let invoice = Invoice {
            title: tr!(lang, "invoice-title", tier = &tier.name),
            description: match plan.term {
                Term::Lifetime => tr!(lang, "invoice-description-lifetime", tier = &tier.name),
                _ if plan.stars_renews() => {
                    tr!(lang, "invoice-description-monthly", tier = &tier.name)
                }
                term => tr!(
                    lang,
                    "invoice-description",
                    tier = &tier.name,
                    term = term_words(term)
                ),
            },
            payload: reference.sign(&secret),
            stars,
            renews_every_secs: plan.stars_renews().then_some(STARS_SUBSCRIPTION_SECS),
        };
        let link = match self
            .platform
            .invoice_link(Platform::Telegram, &invoice)
            .await
        {
            Ok(link) => link,
            Err(e) => {
                tracing::warn!(error = %e, plan = %plan.id, "no invoice link");
                return refuse(tr!(lang, "subscribe-failed", error = e.describe(lang)));
            }
        };
        let account = &ctx.sender.person.profile.account;
        let text = tr!(lang, "subscribe-link", tier = &tier.name, link = link);
        if let Err(e) = self.platform.dm(account, &text).await {
            return refuse(tr!(lang, "subscribe-dm-failed", error = e.describe(lang)));
        }
        Ok(tr!(lang, "subscribe-sent"))
    }

    pub(crate) fn pay_support(&self, ctx: &CommandContext) -> String {
        tr!(
            ctx.lang,
            "paysupport",
            community = &self.config.community_name
        )
    }
}
