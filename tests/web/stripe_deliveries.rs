//! Stripe's deliveries: repeated or concurrent ones apply once, bad signatures, stale times and
//! replays get 400 and write nothing, events out of order converge, and poll mode reads what
//! the webhook would have carried.

use chrono::{DateTime, Duration, Utc};
use steward::adapters::stripe::{StripeClient, poll};

use crate::fake_stripe::{deliver, deliver_with, make, signature};
use crate::harness::{STRIPE_KEY, STRIPE_WEBHOOK_SECRET};
use crate::stripe::{bob_id, dms, now, paid_up, pro_until, shop, subscribe};

#[tokio::test]
async fn repeated_and_concurrent_deliveries_apply_once() {
    let (app, stripe) = shop().await;
    let (reference, period_end) = paid_up(&app, &stripe).await;
    let t = now(&app);
    let first = make::invoice_paid(
        "evt_in1", "sub_1", &reference, "in_1", "pi_1", period_end, true, t,
    );
    assert_eq!(
        deliver(&app.base, &first, t).await,
        (200, "already applied".into())
    );
    let next = period_end + 30 * 86_400;
    let renewal = make::invoice_paid(
        "evt_in2", "sub_1", &reference, "in_2", "pi_2", next, false, t,
    );
    let (a, b) = tokio::join!(
        deliver(&app.base, &renewal, t),
        deliver(&app.base, &renewal, t)
    );
    let mut answers = [a.1, b.1];
    answers.sort();
    assert_eq!(
        answers,
        ["already applied".to_owned(), "applied".to_owned()]
    );
    let member = bob_id(&app).await;
    let payments = app.engine.store().payments(Some(member), 50).await.unwrap();
    assert_eq!(payments.len(), 2, "{payments:?}");
    let renewed: Vec<_> = dms(&app.platform.take())
        .into_iter()
        .filter(|t| t.starts_with("Your Pro renewed"))
        .collect();
    assert_eq!(renewed.len(), 1);
}

#[tokio::test]
async fn bad_signatures_stale_times_and_replays_are_refused_and_write_nothing() {
    let (app, stripe) = shop().await;
    let reference = subscribe(&app, &stripe, "pro-month").await;
    let t = now(&app);
    let body = make::invoice_paid(
        "evt_in1",
        "sub_1",
        &reference,
        "in_1",
        "pi_1",
        t + 86_400,
        true,
        t,
    )
    .to_string();
    let wrong_secret = signature("whsec_someone_else", t, &body);
    let stale = signature(STRIPE_WEBHOOK_SECRET, t - 301, &body);
    // A captured delivery replayed with a fresh time but its old signature.
    let old = signature(STRIPE_WEBHOOK_SECRET, t - 3600, &body);
    let replayed = format!("t={t},{}", old.split_once(',').unwrap().1);
    for header in [
        Some(wrong_secret.as_str()),
        Some(stale.as_str()),
        Some(replayed.as_str()),
        None,
    ] {
        let (status, _) = deliver_with(&app.base, &body, header).await;
        assert_eq!(status, 400, "{header:?}");
    }
    let tampered = body.replace("\"amount_paid\":900", "\"amount_paid\":1");
    let header = signature(STRIPE_WEBHOOK_SECRET, t, &body);
    assert_eq!(
        deliver_with(&app.base, &tampered, Some(&header)).await.0,
        400
    );
    assert_eq!(pro_until(&app).await, None);
    let member = bob_id(&app).await;
    assert!(
        app.engine
            .store()
            .payments(Some(member), 50)
            .await
            .unwrap()
            .is_empty()
    );
    // The genuine delivery still applies afterwards, once.
    assert_eq!(
        deliver_with(&app.base, &body, Some(&header)).await,
        (200, "applied".into())
    );
    assert_eq!(deliver_with(&app.base, &body, Some(&header)).await.0, 200);
    // An operator's alert on refused or failed deliveries has the counts to read.
    let metrics = app.engine.kernel().metrics_text().await.unwrap();
    for line in [
        "steward_provider_deliveries_total{provider=\"stripe\",outcome=\"refused\"} 5",
        "steward_provider_deliveries_total{provider=\"stripe\",outcome=\"applied\"} 1",
        "steward_provider_deliveries_total{provider=\"stripe\",outcome=\"repeat\"} 1",
        "steward_provider_deliveries_total{provider=\"stripe\",outcome=\"error\"} 0",
        "steward_payments_total{provider=\"stripe\",outcome=\"granted\"} 1",
    ] {
        assert!(metrics.contains(line), "{line} missing from\n{metrics}");
    }
}

/// Delivers `events` in order; Bob's Pro expiry afterwards.
async fn after(order: &[usize]) -> Option<Option<DateTime<Utc>>> {
    let (app, stripe) = shop().await;
    let reference = subscribe(&app, &stripe, "pro-month").await;
    let t = now(&app);
    let end = t + 30 * 86_400;
    let events = [
        make::checkout_completed("evt_1", &reference, "sub_1", t),
        make::invoice_paid(
            "evt_2",
            "sub_1",
            &reference,
            "in_1",
            "pi_1",
            end,
            true,
            t + 1,
        ),
        make::subscription_updated("evt_3", "sub_1", &reference, false, t + 2),
        make::subscription_updated("evt_4", "sub_1", &reference, true, t + 3),
    ];
    for &i in order {
        assert_eq!(deliver(&app.base, &events[i], t).await.0, 200);
    }
    pro_until(&app).await
}

#[tokio::test]
async fn events_out_of_order_converge_on_the_same_membership() {
    let in_order = after(&[0, 1, 2, 3]).await;
    // Cancelled at the period's end: the grace is taken back.
    let Some(Some(end)) = in_order else {
        panic!("{in_order:?}")
    };
    for order in [[3, 2, 1, 0], [1, 3, 0, 2], [2, 1, 3, 0]] {
        assert_eq!(after(&order).await, in_order, "{order:?}");
    }
    // And its grace was taken: the membership ends at the period's end.
    let later = after(&[0, 1, 2]).await;
    assert_eq!(later, Some(Some(end + Duration::days(3))));
}

#[tokio::test]
async fn poll_mode_reads_the_events_since_the_last_one_applied() {
    let (app, stripe) = shop().await;
    let reference = subscribe(&app, &stripe, "pro-month").await;
    let t = now(&app);
    let client = StripeClient::new(&stripe.url, key()).unwrap();
    {
        let mut recorded = stripe.recorded.lock().unwrap();
        recorded
            .events
            .push(make::checkout_completed("evt_1", &reference, "sub_1", t));
        recorded.events.push(make::invoice_paid(
            "evt_2",
            "sub_1",
            &reference,
            "in_1",
            "pi_1",
            t + 30 * 86_400,
            true,
            t,
        ));
    }
    assert_eq!(poll::poll_once(&client, &app.engine).await.unwrap(), 2);
    assert!(pro_until(&app).await.is_some());
    assert_eq!(poll::poll_once(&client, &app.engine).await.unwrap(), 0);
    stripe
        .recorded
        .lock()
        .unwrap()
        .events
        .push(make::subscription_deleted(
            "evt_3",
            "sub_1",
            &reference,
            t + 5,
        ));
    assert_eq!(poll::poll_once(&client, &app.engine).await.unwrap(), 1);
    assert_eq!(pro_until(&app).await, None);
}

fn key() -> steward::config::Secret {
    let mut config = steward::config::Config::default();
    config
        .apply_env(|k| (k == "STEWARD_STRIPE_KEY").then(|| STRIPE_KEY.to_owned()))
        .unwrap();
    config.stripe.key.unwrap()
}
