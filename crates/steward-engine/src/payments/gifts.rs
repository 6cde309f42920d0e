//! Gifts: `/gift @member PLAN [anonymous]`. The buyer pays a Telegram Stars invoice whose signed
//! reference names the recipient and the giver; the payment gives the recipient the plan's term
//! once (a gift never renews), and the recipient is told who gave it, or "someone". What the
//! payment says about its payer stays out of the recipient's export (`payments.payer`).

use super::Storefront;
use super::storefront::Price;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::ids::{MemberId, Platform};
use crate::core::payments::reference::{GiftFrom, PaymentRef};
use crate::{msg, refuse, tr};

impl Storefront {
    pub(crate) async fn gift_command(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
        plan: &str,
        anonymous: bool,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let plan = self.paid.plan_or_refuse(plan)?;
        let Some(stars) = plan.stars else {
            return refuse(msg!("gift-stars-only", plan = &plan.id));
        };
        if ctx.chat.platform != Platform::Telegram {
            return refuse(msg!("gift-on-telegram", plan = &plan.id));
        }
        let recipient = self.identity.resolve(ctx, who).await?;
        if recipient.id == ctx.member {
            return refuse(msg!("gift-yourself", plan = &plan.id));
        }
        let tier = self.membership.tier(lang, &plan.tier)?;
        let holds_for_life = self
            .kernel
            .store
            .memberships(recipient.id)
            .await?
            .iter()
            .any(|m| m.tier == tier.id && m.is_active(ctx.at) && m.expires_at.is_none());
        if holds_for_life {
            return refuse(msg!(
                "gift-already-lifetime",
                name = &recipient.name,
                tier = &tier.name
            ));
        }
        let giver = GiftFrom {
            giver: ctx.member,
            anonymous,
        };
        let reference = PaymentRef::new(recipient.id, &plan.id, ctx.at)
            .as_gift(giver)
            .sign(&self.paid.payment_secret().await?);
        // Paid once: a gift does not charge the giver again in 30 days.
        let price = Price {
            stars,
            renews: false,
        };
        let link = match self
            .stars_link(lang, plan, &tier.name, reference, price)
            .await
        {
            Ok(link) => link,
            Err(e) => return refuse(msg!("subscribe-failed", error = e.describe(lang))),
        };
        let text = tr!(
            lang,
            "gift-link",
            tier = &tier.name,
            name = &recipient.name,
            link = link
        );
        let account = &ctx.sender.person.profile.account;
        if let Err(e) = self.kernel.platform.dm(account, &text).await {
            return refuse(msg!("subscribe-dm-failed", error = e.describe(lang)));
        }
        Ok(tr!(lang, "subscribe-sent"))
    }
}

impl super::PaidTime {
    /// After a gift's payment: the recipient is told who gave it (or "someone"), and the giver
    /// gets the text to show them, in their language.
    pub(super) async fn gift_delivered(
        &self,
        gift: GiftFrom,
        recipient: MemberId,
        tier: &str,
        until: &str,
    ) -> EngineResult<String> {
        let giver_name = self.kernel.store.member(gift.giver).await?.display_name;
        let told = if gift.anonymous {
            msg!("gift-received-anonymous", tier = tier, until = until)
        } else {
            msg!(
                "gift-received",
                giver = &giver_name,
                tier = tier,
                until = until
            )
        };
        if let Err(e) = self.kernel.tell(recipient, &told).await {
            tracing::warn!(error = %e, "telling a gift's recipient failed");
        }
        let name = self.kernel.store.member(recipient).await?.display_name;
        let lang = self.kernel.language_of(gift.giver).await;
        Ok(tr!(lang, "gift-delivered", tier = tier, name = &name))
    }
}
