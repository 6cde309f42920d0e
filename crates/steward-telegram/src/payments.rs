//! Telegram Stars: invoice links (`createInvoiceLink`, XTR, a 30-day `subscription_period` for a
//! monthly plan), the checkout (`pre_checkout_query`, answered at once with the engine's
//! decision), `successful_payment` and `refunded_payment` messages, refunds
//! (`refundStarPayment`) and cancelled renewals (`editUserStarSubscription`). Translation only:
//! the engine decides.

use teloxide::payloads::{AnswerPreCheckoutQuerySetters, CreateInvoiceLinkSetters};
use teloxide::prelude::Requester;
use teloxide::types::{
    LabeledPrice, Message, MessageKind, MessageRefundedPayment, PreCheckoutQuery, Seconds,
    TelegramTransactionId, UserId,
};

use super::outbound::platform_error;
use super::{TelegramAdapter, TgBot, inbound};
use crate::core::ids::AccountRef;
use crate::core::payments::Provider;
use crate::core::payments::raw::without_personal_data;
use crate::engine::payments::{Checkout, PaymentReceived, PaymentRefunded};
use crate::engine::{Invoice, PlatformError};
use crate::msg;

/// A Telegram user id from an account.
fn user_id(account: &AccountRef) -> Result<UserId, PlatformError> {
    account
        .user_id
        .parse::<u64>()
        .map(UserId)
        .map_err(|_| PlatformError::Refused(msg!("telegram-bad-chat-id", id = &account.user_id)))
}

pub(super) async fn invoice_link(bot: &TgBot, invoice: &Invoice) -> Result<String, PlatformError> {
    let price = LabeledPrice::new(invoice.title.clone(), invoice.stars);
    let mut request = bot.create_invoice_link(
        invoice.title.clone(),
        invoice.description.clone(),
        invoice.payload.clone(),
        "XTR", // not translated: Telegram Stars' currency code
        [price],
    );
    if let Some(secs) = invoice.renews_every_secs {
        request = request.subscription_period(Seconds::from_seconds(secs));
    }
    request.await.map_err(platform_error)
}

pub(super) async fn refund(
    bot: &TgBot,
    payer: &AccountRef,
    charge: &str,
) -> Result<(), PlatformError> {
    bot.refund_star_payment(user_id(payer)?, TelegramTransactionId(charge.to_owned()))
        .await
        .map(|_| ())
        .map_err(platform_error)
}

pub(super) async fn set_renewal(
    bot: &TgBot,
    payer: &AccountRef,
    charge: &str,
    renew: bool,
) -> Result<(), PlatformError> {
    bot.edit_user_star_subscription(
        user_id(payer)?,
        TelegramTransactionId(charge.to_owned()),
        !renew,
    )
    .await
    .map(|_| ())
    .map_err(platform_error)
}

impl TelegramAdapter {
    /// Answers a checkout with the engine's decision; Telegram waits at most 10 seconds.
    pub(super) async fn on_pre_checkout(&self, query: PreCheckoutQuery) {
        let checkout = Checkout {
            provider: Provider::TelegramStars,
            payer: inbound::person(&query.from),
            locale: query.from.language_code.clone(),
            payload: query.invoice_payload.clone(),
            amount: u64::from(query.total_amount),
            currency: query.currency.clone(),
            at: self.engine.kernel().now(),
        };
        let answer = match self.engine.payments().pre_checkout(&checkout).await {
            Ok(()) => self.bot.answer_pre_checkout_query(query.id, true).await,
            Err(reason) => {
                self.bot
                    .answer_pre_checkout_query(query.id, false)
                    .error_message(reason)
                    .await
            }
        };
        if let Err(e) = answer {
            tracing::warn!(error = %e, "answering a checkout failed");
        }
    }

    /// A payment or a refund in a message; `true` when the message was one.
    pub(super) async fn on_payment_message(&self, message: &Message) -> bool {
        let Some(user) = &message.from else {
            return false;
        };
        let at = self.engine.kernel().now();
        let reply = if let Some(paid) = message.successful_payment() {
            let payment = PaymentReceived {
                provider: Provider::TelegramStars,
                payer: inbound::person(user).profile.account.to_string(),
                payload: paid.invoice_payload.clone(),
                amount: u64::from(paid.total_amount),
                currency: paid.currency.clone(),
                charge_id: paid.telegram_payment_charge_id.0.clone(),
                prices: Vec::new(),
                period_end: paid.subscription_expiration_date,
                recurring: paid.is_recurring,
                renewal: paid.is_recurring && !paid.is_first_recurring,
                raw: without_personal_data(&serde_json::to_string(paid).unwrap_or_default()),
                at,
            };
            self.engine.payments().payment_received(&payment).await
        } else if let MessageKind::RefundedPayment(MessageRefundedPayment { refunded_payment }) =
            &message.kind
        {
            let refund = PaymentRefunded {
                provider: Provider::TelegramStars,
                charge_id: refunded_payment.telegram_payment_charge_id.0.clone(),
                amount: u64::from(refunded_payment.total_amount),
                currency: refunded_payment.currency.clone(),
                raw: serde_json::to_string(refunded_payment).unwrap_or_default(),
                at,
            };
            self.engine.payments().payment_refunded(&refund).await
        } else {
            return false;
        };
        if let Some(reply) = reply
            && let Err(e) = self.bot.send_message(message.chat.id, reply).await
        {
            tracing::warn!(chat = message.chat.id.0, error = %e, "payment reply failed");
        }
        true
    }
}
