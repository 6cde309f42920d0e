//! A refund of a Stars subscription's payment also cancels the subscription at Telegram, with
//! the charge it began with: otherwise Telegram charges the member again in 30 days.

use steward::core::payments::Provider;
use steward::engine::payments::PaymentRefunded;
use steward_testkit::Sent;

use crate::helpers::*;
use crate::payments::subscribed;

fn cancelled_at_telegram(sent: &[Sent]) -> bool {
    sent.iter()
        .any(|s| matches!(s, Sent::Renewal { charge, renew: false, .. } if charge == "ch_1"))
}

#[tokio::test]
async fn an_operators_refund_of_a_stars_subscription_cancels_it_at_telegram() {
    let (app, _) = subscribed().await;
    app.posts();
    let done = app.ask(&console("admin"), "/payments refund 1").await;
    assert!(
        done.contains("cancelled at Telegram: it will not charge again"),
        "{done}"
    );
    assert!(cancelled_at_telegram(&app.posts()));
}

#[tokio::test]
async fn a_refund_telegram_reports_cancels_the_subscription_too() {
    let (app, _) = subscribed().await;
    app.posts();
    let report = PaymentRefunded {
        provider: Provider::TelegramStars,
        charge_id: "ch_1".into(),
        amount: 500,
        currency: "XTR".into(),
        raw: "{}".into(),
        at: app.clock_now(),
    };
    assert!(
        app.engine
            .payments()
            .payment_refunded(&report)
            .await
            .is_some()
    );
    assert!(cancelled_at_telegram(&app.posts()));
}
