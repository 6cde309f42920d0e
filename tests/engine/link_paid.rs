//! Linking accounts when the newer member has paid, logged in or asked for an erasure: every
//! row that names them moves to the surviving member, so the merge never fails on a foreign key.

use steward::store::MEMBER_TABLES;

use crate::helpers::*;
use crate::payments::{alice, config, invoice, paid};

#[tokio::test]
async fn a_member_who_paid_by_stars_links_discord_and_keeps_the_tier_on_both() {
    let app = spawn_app_with(&config()).await;
    // The Discord account is the older member; the Telegram one pays, logs in to the web.
    let on_discord = discord("777", "Alice D");
    say_on(&app, &on_discord, "hello").await;
    let invoice = invoice(&app).await;
    let now = app.clock_now();
    let payment = paid(
        &invoice.payload,
        "ch_1",
        now + chrono::Duration::days(30),
        false,
        now,
    );
    assert!(
        app.engine
            .payments()
            .payment_received(&payment)
            .await
            .is_some()
    );
    say_on(&app, &alice(), "/web").await;
    let absorbed = app.member(&alice()).await.id;

    let code = link_code(&app, &alice()).await;
    app.posts();
    let linked = say_on(&app, &on_discord, &format!("/link {code}"))
        .await
        .unwrap();
    assert!(!linked.contains("went wrong"), "{linked}");
    // The Discord account, new to Pro, gets its access; the Telegram one already had it.
    let grants: Vec<_> = app
        .posts()
        .into_iter()
        .filter_map(|s| match s {
            steward_testkit::Sent::Grant { to, tier } if tier == "pro" => Some(to),
            _ => None,
        })
        .collect();
    assert_eq!(
        grants,
        vec![on_discord.profile.account.clone()],
        "{grants:?}"
    );
    for who in [&alice(), &on_discord] {
        let membership = say_on(&app, who, "/membership").await.unwrap();
        assert!(membership.contains("Pro"), "{membership}");
    }
    // Nothing names the member merged away.
    let mut db = db(&app).await;
    for table in MEMBER_TABLES {
        for column in table.member_columns {
            let left: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM {} WHERE {column} = ?",
                table.name
            )))
            .bind(absorbed.0)
            .fetch_one(&mut db)
            .await
            .unwrap();
            assert_eq!(
                left, 0,
                "{}.{column} still names the merged member",
                table.name
            );
        }
    }
}

#[tokio::test]
async fn a_new_member_never_takes_the_id_of_one_merged_away() {
    let app = spawn_app_with(&config()).await;
    let on_discord = discord("777", "Alice D");
    say_on(&app, &on_discord, "hello").await;
    say_on(&app, &alice(), "hello").await;
    let merged_away = app.member(&alice()).await.id;
    let code = link_code(&app, &alice()).await;
    say_on(&app, &on_discord, &format!("/link {code}")).await;
    let newcomer = discord("888", "Bo");
    say_on(&app, &newcomer, "hello").await;
    assert!(app.member(&newcomer).await.id.0 > merged_away.0);
}
