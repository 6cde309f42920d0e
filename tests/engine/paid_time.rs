//! A refund takes back exactly the time its payment gave, on every provider, whatever order
//! the facts arrive in: one renewal's refund leaves the month paid before it, a Discord
//! entitlement that ends leaves time bought elsewhere, and a random history of payments,
//! renewals, refunds and grants ends where a plain model of the same facts ends.

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use steward::core::payments::Provider;
use steward::engine::Person;
use steward::engine::payments::{Entitlement, EntitlementChange, PaymentRefunded};
use steward_testkit::Sent;

use crate::helpers::*;
use crate::payments::{alice, config, invoice, paid};

const GRACE: i64 = 3;

/// Alice's running membership of `tier`: `None` not running, `Some(None)` for life.
async fn running(app: &TestApp, who: &Person, tier: &str) -> Option<Option<DateTime<Utc>>> {
    let member = app.member(who).await.id;
    let now = app.clock_now();
    app.engine
        .store()
        .memberships(member)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.tier == tier && m.is_active(now))
        .map(|m| m.expires_at)
}

/// The operator sends `/member grant @who TERMS`.
async fn grant(app: &TestApp, who: &Person, terms: &str) -> String {
    let text = format!("/member grant @who {terms}");
    let m = message(&console("admin"), general(), &text, app.clock_now());
    app.send(with_mention(m, "who", who))
        .await
        .unwrap_or_default()
}

fn refund(charge: &str, at: DateTime<Utc>) -> PaymentRefunded {
    PaymentRefunded {
        provider: Provider::TelegramStars,
        charge_id: charge.to_owned(),
        amount: 500,
        currency: "XTR".into(),
        raw: "{}".into(),
        at,
    }
}

fn revoked(sent: &[Sent], tier: &str) -> bool {
    sent.iter()
        .any(|s| matches!(s, Sent::Revoke { tier: t, .. } if t == tier))
}

#[tokio::test]
async fn refunding_one_renewal_keeps_the_month_paid_before_it() {
    let app = spawn_app_with(&config()).await;
    let invoice = invoice(&app).await;
    let t0 = app.clock_now();
    let month = Duration::days(30);
    let first = paid(&invoice.payload, "ch_1", t0 + month, false, t0);
    app.engine
        .payments()
        .payment_received(&first)
        .await
        .unwrap();
    app.advance(month - Duration::hours(1));
    let now = app.clock_now();
    let second = paid(&invoice.payload, "ch_2", t0 + month * 2, true, now);
    app.engine
        .payments()
        .payment_received(&second)
        .await
        .unwrap();
    app.posts();
    let told = app
        .engine
        .payments()
        .payment_refunded(&refund("ch_2", now))
        .await;
    let told = told.expect("the payer is told");
    assert!(told.contains("taken back"), "{told}");
    // The first month, not refunded, still runs to its end; the grace went with the cancel.
    assert_eq!(running(&app, &alice(), "pro").await, Some(Some(t0 + month)));
    assert!(
        !revoked(&app.posts(), "pro"),
        "the member kept the Pro chat"
    );
}

#[tokio::test]
async fn a_refund_before_its_renewal_gives_nothing_and_the_membership_converges() {
    let app = spawn_app_with(&config()).await;
    let invoice = invoice(&app).await;
    let t0 = app.clock_now();
    let month = Duration::days(30);
    let first = paid(&invoice.payload, "ch_1", t0 + month, false, t0);
    let second = paid(&invoice.payload, "ch_2", t0 + month * 2, true, t0);
    app.engine
        .payments()
        .payment_refunded(&refund("ch_2", t0))
        .await;
    app.engine.payments().payment_received(&second).await;
    app.engine.payments().payment_received(&first).await;
    assert_eq!(running(&app, &alice(), "pro").await, Some(Some(t0 + month)));
}

#[tokio::test]
async fn refunding_a_lifetime_payment_gives_back_the_time_granted_before_it() {
    let app = spawn_app_with(&config()).await;
    say_on(&app, &alice(), "/start").await;
    let granted = grant(&app, &alice(), "vip 10d").await;
    assert!(granted.contains("VIP"), "{granted}");
    let t0 = app.clock_now();
    let reply = say_on(&app, &alice(), "/subscribe vip-life").await.unwrap();
    assert!(reply.contains("payment link"), "{reply}");
    let payload = app
        .posts()
        .into_iter()
        .find_map(|s| match s {
            Sent::Invoice { invoice, .. } => Some(invoice.payload),
            _ => None,
        })
        .unwrap();
    let mut life = paid(&payload, "ch_life", t0, false, t0);
    life.amount = 2500;
    life.period_end = None;
    life.recurring = false;
    app.engine.payments().payment_received(&life).await.unwrap();
    assert_eq!(running(&app, &alice(), "vip").await, Some(None));
    let mut back = refund("ch_life", t0);
    back.amount = 2500;
    app.engine.payments().payment_refunded(&back).await.unwrap();
    assert_eq!(
        running(&app, &alice(), "vip").await,
        Some(Some(t0 + Duration::days(10)))
    );
}

fn entitlement(holder: &Person, change: EntitlementChange) -> Entitlement {
    Entitlement {
        id: "9100".into(),
        sku: "8800".into(),
        holder: holder.clone(),
        ends_at: None,
        change,
        raw: "{}".into(),
    }
}

#[tokio::test]
async fn a_discord_entitlement_that_ends_leaves_time_bought_elsewhere() {
    let app = spawn_app_with(&config()).await;
    let dana = discord("503", "Dana");
    say_on(&app, &dana, "/start").await;
    grant(&app, &dana, "pro 60d").await;
    let t0 = app.clock_now();
    let created = entitlement(&dana, EntitlementChange::Created);
    app.engine.payments().entitlement(&created).await.unwrap();
    assert_eq!(running(&app, &dana, "pro").await, Some(None));
    // Cancelled in Discord: runs to its end, then the granted days still held.
    let ends = t0 + Duration::days(5);
    let mut updated = entitlement(&dana, EntitlementChange::Updated);
    updated.ends_at = Some(ends);
    app.engine.payments().entitlement(&updated).await.unwrap();
    assert_eq!(
        running(&app, &dana, "pro").await,
        Some(Some(t0 + Duration::days(65)))
    );
    app.posts();
    app.engine
        .payments()
        .entitlement(&entitlement(&dana, EntitlementChange::Deleted))
        .await
        .unwrap();
    assert_eq!(
        running(&app, &dana, "pro").await,
        Some(Some(t0 + Duration::days(60)))
    );
    assert!(!revoked(&app.posts(), "pro"));
}

#[tokio::test]
async fn a_deleted_entitlement_leaves_a_lifetime_grant() {
    let app = spawn_app_with(&config()).await;
    let dana = discord("503", "Dana");
    say_on(&app, &dana, "/start").await;
    grant(&app, &dana, "pro lifetime").await;
    app.engine
        .payments()
        .entitlement(&entitlement(&dana, EntitlementChange::Created))
        .await
        .unwrap();
    app.engine
        .payments()
        .entitlement(&entitlement(&dana, EntitlementChange::Deleted))
        .await
        .unwrap();
    assert_eq!(running(&app, &dana, "pro").await, Some(None));
}

/// One fact of a random history.
#[derive(Debug, Clone, Copy)]
enum Fact {
    /// The subscription's `n`th payment (1: the first), paying the `n`th 30 days.
    Paid(i64),
    Refunded(i64),
    /// An operator grants days.
    Granted(i64),
}

/// The plain model: grants add their days, the subscription the 30-day periods its unrefunded
/// payments paid (each counted once), and its grace while it renews; any refund cancels it.
fn model(facts: &[Fact], t0: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let refunded = |n: i64| {
        facts
            .iter()
            .any(|f| matches!(f, Fact::Refunded(m) if *m == n))
    };
    let kept = facts
        .iter()
        .filter(|f| matches!(f, Fact::Paid(n) if !refunded(*n)))
        .count() as i64;
    let granted: i64 = facts
        .iter()
        .map(|f| if let Fact::Granted(d) = f { *d } else { 0 })
        .sum();
    let renews = kept > 0 && !facts.iter().any(|f| matches!(f, Fact::Refunded(_)));
    let days = granted + kept * 30 + if renews { GRACE } else { 0 };
    (days > 0).then(|| t0 + Duration::days(days))
}

#[tokio::test]
async fn random_histories_end_where_a_plain_model_of_their_facts_ends() {
    let mut rng = StdRng::seed_from_u64(26);
    for round in 0..12 {
        let app = spawn_app_with(&config()).await;
        let invoice = invoice(&app).await;
        let t0 = app.clock_now();
        let payments = rng.random_range(1..=4);
        let mut facts: Vec<Fact> = (1..=payments).map(Fact::Paid).collect();
        for n in 1..=payments {
            if rng.random_bool(0.4) {
                facts.push(Fact::Refunded(n));
            }
        }
        for _ in 0..rng.random_range(0..=2) {
            facts.push(Fact::Granted(rng.random_range(1..=20)));
        }
        facts.shuffle(&mut rng);
        // A provider's fact delivered twice changes nothing.
        let mut delivered = facts.clone();
        let again = facts[rng.random_range(0..facts.len())];
        if !matches!(again, Fact::Granted(_)) {
            delivered.push(again);
        }
        for fact in &delivered {
            match *fact {
                Fact::Paid(n) => {
                    let charge = format!("ch_{n}");
                    let end = t0 + Duration::days(30 * n);
                    let p = paid(&invoice.payload, &charge, end, n > 1, t0);
                    app.engine.payments().payment_received(&p).await;
                }
                Fact::Refunded(n) => {
                    app.engine
                        .payments()
                        .payment_refunded(&refund(&format!("ch_{n}"), t0))
                        .await;
                }
                Fact::Granted(days) => {
                    let reply = grant(&app, &alice(), &format!("pro {days}d")).await;
                    assert!(reply.contains("Pro"), "{reply}");
                }
            }
        }
        let delivered: Vec<Fact> = delivered[..facts.len()].to_vec();
        assert_eq!(
            running(&app, &alice(), "pro").await.flatten(),
            model(&delivered, t0),
            "round {round}: {delivered:?}"
        );
    }
}
