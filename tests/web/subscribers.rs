//! `/dashboard/members`: the subscriber list (search, order, CSV) and an operator's actions
//! from a member's row, each behind the session's form token and a confirmation page, doing
//! what the chat command does; members and forged forms change nothing.

use reqwest::StatusCode;
use steward::core::ids::MemberId;

use crate::harness::{WebApp, console, csrf_of};
use crate::stripe::{bob_id, dms, paid_up, pro_until, shop};

async fn member_id(app: &WebApp, name: &str) -> MemberId {
    app.engine
        .store()
        .member_of(&console(name).profile.account)
        .await
        .unwrap()
        .unwrap()
}

/// The membership ledger's rows for `member`: (action, actor).
async fn ledger(app: &WebApp, member: MemberId) -> Vec<(String, Option<i64>)> {
    let mut db =
        sqlx::SqliteConnection::connect(&format!("sqlite://{}", app.database_path().display()))
            .await
            .unwrap();
    sqlx::query_as(
        "SELECT action, actor_member_id FROM membership_events WHERE member_id = ? ORDER BY id",
    )
    .bind(member.0)
    .fetch_all(&mut db)
    .await
    .unwrap()
}

use sqlx::Connection as _;

#[tokio::test]
async fn operators_see_every_subscriber_searched_ordered_and_as_csv() {
    let (app, stripe) = shop().await;
    paid_up(&app, &stripe).await;
    app.say(&console("alice"), "hello").await;
    app.say(&console("admin"), "/member grant @alice pro lifetime")
        .await;
    let admin = app.browser_for(&console("admin")).await;
    let list = admin.get("/dashboard/members").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("bob"), "{}", list.body);
    assert!(list.body.contains("card (Stripe)"), "{}", list.body);
    assert!(list.body.contains("granted or redeemed"), "{}", list.body);
    assert!(list.body.contains("$9.00"), "{}", list.body);
    let found = admin.get("/dashboard/members?q=ALI&sort=name").await;
    assert!(
        found.body.contains("alice") && !found.body.contains(">bob<"),
        "{}",
        found.body
    );
    // A search is text, never SQL: wildcards and quotes match literally.
    let odd = admin.get("/dashboard/members?q=%25%27%22_").await;
    assert_eq!(odd.status, StatusCode::OK);
    assert!(
        odd.body
            .contains("No member holds or held a tier that matches")
    );
    let (status, _, bytes) = admin.get_bytes("/dashboard/members.csv?sort=name").await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "member_id,name,tier,state,provider,renews,started,until,ended,paid_until,paid_usd"
    );
    assert!(lines[1].contains(",\"alice\",pro,running,,false,"), "{csv}");
    assert!(
        lines[2].contains(",\"bob\",pro,running,stripe,true,"),
        "{csv}"
    );
    assert!(lines[2].ends_with(",9.00"), "{csv}");
}

#[tokio::test]
async fn members_and_visitors_cannot_see_or_act() {
    let (app, _stripe) = shop().await;
    app.say(&console("alice"), "hello").await;
    let alice = member_id(&app, "alice").await;
    let mut member = app.browser_for(&console("alice")).await;
    assert_eq!(
        member.get("/dashboard/members").await.status,
        StatusCode::FORBIDDEN
    );
    let (status, _, _) = member.get_bytes("/dashboard/members.csv").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let own = member.get(&format!("/members/{}", alice.0)).await;
    let csrf = csrf_of(&own.body);
    let tried = member
        .post(
            &format!("/dashboard/members/{}", alice.0),
            &[
                ("csrf", &csrf),
                ("action", "grant"),
                ("tier", "vip"),
                ("term", "lifetime"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(tried.status, StatusCode::FORBIDDEN);
    assert!(ledger(&app, alice).await.is_empty());
    let visitor = app.browser();
    assert_eq!(
        visitor.get("/dashboard/members").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_grant_asks_first_then_does_what_the_chat_command_does() {
    let (app, _stripe) = shop().await;
    app.say(&console("alice"), "hello").await;
    let alice = member_id(&app, "alice").await;
    let mut admin = app.browser_for(&console("admin")).await;
    let admin_id = member_id(&app, "admin").await;
    let row = admin.get(&format!("/dashboard/members/{}", alice.0)).await;
    assert_eq!(row.status, StatusCode::OK);
    let csrf = csrf_of(&row.body);
    let path = format!("/dashboard/members/{}", alice.0);
    let grant = [
        ("csrf", csrf.as_str()),
        ("action", "grant"),
        ("tier", "pro"),
        ("term", "30d"),
    ];
    // A forged token does nothing, not even the question.
    let forged = admin
        .post(
            &path,
            &[
                ("csrf", "forged"),
                ("action", "grant"),
                ("tier", "pro"),
                ("term", "30d"),
            ],
        )
        .await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    // The first press only asks.
    app.platform.take();
    let asked = admin.post(&path, &grant).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(
        asked.body.contains("Grant alice Pro for 30d?"),
        "{}",
        asked.body
    );
    assert!(
        ledger(&app, alice).await.is_empty(),
        "asking changes nothing"
    );
    // Confirmed: the grant, its ledger row by the operator, and the member's DM.
    let mut confirmed = grant.to_vec();
    confirmed.push(("confirm", "yes"));
    let done = admin.post(&path, &confirmed).await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(done.body.contains("alice"), "{}", done.body);
    assert_eq!(
        ledger(&app, alice).await,
        [("grant".to_owned(), Some(admin_id.0))]
    );
    let told = dms(&app.platform.take()).join("\n");
    assert!(told.contains("Pro"), "{told}");
    // A term that is not one is refused with the reason, and nothing happens.
    let bad = admin
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("action", "extend"),
                ("tier", "pro"),
                ("term", "soon"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::CONFLICT);
    assert_eq!(ledger(&app, alice).await.len(), 1);
    // Revoked from the row: the access ends as /member revoke ends it.
    let revoke = [
        ("csrf", csrf.as_str()),
        ("action", "revoke"),
        ("tier", "pro"),
        ("confirm", "yes"),
    ];
    assert_eq!(admin.post(&path, &revoke).await.status, StatusCode::OK);
    assert_eq!(ledger(&app, alice).await.last().unwrap().0, "revoke");
}

#[tokio::test]
async fn a_refund_from_the_row_goes_to_the_provider_and_only_for_that_members_payment() {
    let (app, stripe) = shop().await;
    paid_up(&app, &stripe).await;
    app.say(&console("alice"), "hello").await;
    let bob = bob_id(&app).await;
    let alice = member_id(&app, "alice").await;
    let payment = app.engine.store().payments(Some(bob), 5).await.unwrap()[0].id;
    let mut admin = app.browser_for(&console("admin")).await;
    let row = admin.get(&format!("/dashboard/members/{}", bob.0)).await;
    assert!(row.body.contains("Refund…"), "{}", row.body);
    let csrf = csrf_of(&row.body);
    let id = payment.to_string();
    // Bob's payment through Alice's row is not Alice's: refused, nothing refunded.
    let elsewhere = admin
        .post(
            &format!("/dashboard/members/{}", alice.0),
            &[
                ("csrf", &csrf),
                ("action", "refund"),
                ("payment", &id),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::CONFLICT);
    assert!(stripe.recorded.lock().unwrap().refunds.is_empty());
    let asked = admin
        .post(
            &format!("/dashboard/members/{}", bob.0),
            &[("csrf", &csrf), ("action", "refund"), ("payment", &id)],
        )
        .await;
    assert!(asked.body.contains("$9.00"), "{}", asked.body);
    assert!(stripe.recorded.lock().unwrap().refunds.is_empty());
    let done = admin
        .post(
            &format!("/dashboard/members/{}", bob.0),
            &[
                ("csrf", &csrf),
                ("action", "refund"),
                ("payment", &id),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(stripe.recorded.lock().unwrap().refunds.len(), 1);
    assert_eq!(pro_until(&app).await, None, "what it paid for ended");
}
