//! Gifts: `/gift @member PLAN [anonymous]`. The buyer pays a Telegram Stars invoice whose signed
//! reference names the recipient and the giver; the payment gives the recipient the plan's term
//! once (a gift never renews), and the recipient is told who gave it, or "someone". What the
//! payment says about its payer stays out of the recipient's export (`payments.payer`).
//! `/gift_code PLAN` buys a code instead, for someone not a member yet: whoever sends
//! `/redeem_gift CODE` first, within `gifts.valid_days`, gets the term.

use chrono::{DateTime, Utc};
use rand::RngCore;

use super::Storefront;
use super::storefront::Price;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::ids::{MemberId, Platform};
use crate::core::payments::Plan;
use crate::core::payments::gift_code::{self, CODE_BYTES, NotRedeemed};
use crate::core::payments::reference::{GiftFrom, PaymentRef};
use crate::membership::words::term as term_words;
use crate::membership::{Extension, extend_in};
use crate::store::WriteTx;
use crate::{msg, refuse, tr};

impl Storefront {
    pub(crate) async fn gift_command(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
        plan: &str,
        anonymous: bool,
    ) -> EngineResult<String> {
        let (plan, stars) = self.giftable(ctx, plan)?;
        let recipient = self.identity.resolve(ctx, who).await?;
        if recipient.id == ctx.member {
            return refuse(msg!("gift-yourself", plan = &plan.id));
        }
        self.send_gift_invoice(ctx, plan, stars, recipient.id, anonymous, &recipient.name)
            .await
    }

    /// `plan` and its Stars price, if it can be given from here: gifts are paid in Stars, on
    /// Telegram.
    fn giftable(&self, ctx: &CommandContext, plan: &str) -> EngineResult<(&Plan, u32)> {
        let plan = self.paid.plan_or_refuse(plan)?;
        let Some(stars) = plan.stars else {
            return refuse(msg!("gift-stars-only", plan = &plan.id));
        };
        if ctx.chat.platform != Platform::Telegram {
            return refuse(msg!("gift-on-telegram", plan = &plan.id));
        }
        Ok((plan, stars))
    }

    /// `/gift_code PLAN`: an invoice for a code to give to someone who is not a member yet.
    pub(crate) async fn gift_code_command(
        &self,
        ctx: &CommandContext,
        plan: &str,
    ) -> EngineResult<String> {
        let (plan, stars) = self.giftable(ctx, plan)?;
        // Bought for oneself as the giver: the reference's mark of a code.
        let name = tr!(ctx.lang, "gift-code-recipient");
        self.send_gift_invoice(ctx, plan, stars, ctx.member, false, &name)
            .await
    }

    /// The giver's invoice, by DM, for a gift of `plan` to `recipient` (the giver themselves
    /// for a code).
    async fn send_gift_invoice(
        &self,
        ctx: &CommandContext,
        plan: &Plan,
        stars: u32,
        recipient: MemberId,
        anonymous: bool,
        recipient_name: &str,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let tier = self.membership.tier(lang, &plan.tier)?;
        let holds_for_life = self
            .kernel
            .store
            .memberships(recipient)
            .await?
            .iter()
            .any(|m| m.tier == tier.id && m.is_active(ctx.at) && m.expires_at.is_none());
        if holds_for_life && recipient != ctx.member {
            return refuse(msg!(
                "gift-already-lifetime",
                name = recipient_name,
                tier = &tier.name
            ));
        }
        let giver = GiftFrom {
            giver: ctx.member,
            anonymous,
        };
        let reference = PaymentRef::new(recipient, &plan.id, ctx.at)
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
            name = recipient_name,
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
    /// After a gift code's payment, in its transaction: the code, kept with the payment; the
    /// text that gives it to the buyer.
    pub(super) async fn issue_gift_code(
        &self,
        mut tx: WriteTx,
        plan: &Plan,
        buyer: MemberId,
        payment: i64,
        at: DateTime<Utc>,
    ) -> EngineResult<String> {
        let mut bytes = [0u8; CODE_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        let code = gift_code::written(bytes);
        let expires = at + self.kernel.config.gift_codes_valid_for;
        tx.save_gift_code(&code, &plan.id, buyer, payment, at, expires)
            .await?;
        tx.commit().await?;
        let lang = self.kernel.language_of(buyer).await;
        let day = self.kernel.config.calendar.day(expires);
        Ok(tr!(
            lang,
            "gift-code-issued",
            code = &code,
            plan = &plan.id,
            term = term_words(plan.term),
            day = day.to_string()
        ))
    }

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

impl Storefront {
    /// `/redeem_gift CODE`: the code's term of its plan's tier for the sender, once.
    pub(crate) async fn redeem_gift_command(
        &self,
        ctx: &CommandContext,
        code: &str,
    ) -> EngineResult<String> {
        let Some(code) = gift_code::normalize(code) else {
            return refuse(msg!("gift-code-unknown"));
        };
        let mut tx = self.kernel.store.begin().await?;
        let Some(row) = tx.gift_code(&code).await? else {
            return refuse(msg!("gift-code-unknown"));
        };
        if let Err(why) = row.code.may_redeem(ctx.at) {
            return refuse(match why {
                NotRedeemed::Redeemed => msg!("gift-code-redeemed"),
                NotRedeemed::Expired => msg!("gift-code-expired"),
                NotRedeemed::Refunded => msg!("gift-code-refunded"),
            });
        }
        let Some(plan) = self.paid.plan(&row.code.plan) else {
            return refuse(msg!("gift-code-plan-gone", plan = &row.code.plan));
        };
        let tier = self.membership.tier(ctx.lang, &plan.tier)?;
        if !tx.redeem_gift_code(&code, ctx.member, ctx.at).await? {
            return refuse(msg!("gift-code-redeemed"));
        }
        let running = tx
            .membership(ctx.member, &tier.id)
            .await?
            .filter(|m| m.is_active(ctx.at));
        let ext = Extension {
            member: ctx.member,
            tier,
            term: plan.term,
            actor: row.buyer,
            action: "gift",
            at: ctx.at,
            day: self.kernel.config.calendar.day(ctx.at),
            paid_until: None,
            reminders: &self.kernel.config.membership.reminders,
        };
        let expires = extend_in(&mut tx, ext).await?;
        tx.commit().await?;
        self.kernel.wake.notify_one();
        if running.is_none() {
            let problems = self.membership.give_access(ctx.member, tier).await?;
            if !problems.is_empty() {
                tracing::warn!(
                    member = ctx.member.0,
                    "a gift's access could not be given everywhere"
                );
            }
        }
        if let Some(buyer) = row.buyer {
            let told = msg!(
                "gift-code-used",
                code = &code,
                name = &ctx.sender.person.profile.display_name
            );
            if let Err(e) = self.kernel.tell(buyer, &told).await {
                tracing::warn!(error = %e, "telling a gift code's buyer failed");
            }
        }
        let until = self.membership.until(ctx.lang, expires);
        Ok(tr!(
            ctx.lang,
            "gift-code-welcome",
            tier = &tier.name,
            until = until
        ))
    }
}
