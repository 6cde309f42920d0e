//! The three objectives week by week and the revenue figures, on two weeks whose truth is
//! known: a well rated drop and a paid plan in the first, a poorly rated drop and no money in
//! the second.

use chrono::Duration;
use steward::core::access::Viewer;
use steward::core::analytics::range::DayRange;
use steward::core::ids::MemberId;

use crate::helpers::*;
use crate::payments::subscribed;

const OPERATOR: Viewer = Viewer {
    member: Some(MemberId(1)),
    operator: true,
    tier_rank: None,
};

#[tokio::test]
async fn each_week_scores_its_objectives_and_names_what_moved_them() {
    // Wednesday of 2026-W48: Alice paid 500 Stars for a month of Pro.
    let (app, _) = subscribed().await;
    let admin = console("admin");
    app.ask(&admin, "/drop in 1m to announcements First tip")
        .await;
    app.advance(Duration::minutes(1));
    app.tick().await;
    for name in ["a1", "a2"] {
        app.ask(&console(name), "/rate 1 5").await;
    }
    // 2026-W49: a drop rated poorly, and no payment.
    app.advance(Duration::days(7));
    app.ask(&admin, "/drop in 1m to announcements Second tip")
        .await;
    app.advance(Duration::minutes(1));
    app.tick().await;
    app.ask(&console("b1"), "/rate 2 1").await;
    app.engine.ingest().fold_step().await.unwrap();
    let today = app.engine.operations().today();
    let dash = app
        .engine
        .operations()
        .dashboard(&OPERATOR, DayRange::last(8, today))
        .await
        .unwrap();
    let weeks = &dash.objectives.weeks;
    assert_eq!(
        weeks.iter().map(|w| w.week.as_str()).collect::<Vec<_>>(),
        ["2026-W48", "2026-W49"]
    );
    let (first, second) = (&weeks[0], &weeks[1]);
    assert!(first.f2.unwrap() > second.f2.unwrap(), "{weeks:?}");
    assert_eq!(
        first.rated_share,
        Some(1.0),
        "both members reached rated #1"
    );
    // Two weeks: the better is one standard deviation above their mean, the other below.
    let near = |a: Option<f64>, b: f64| (a.unwrap() - b).abs() < 1e-9;
    assert!(
        near(first.scores[1], 1.0) && near(second.scores[1], -1.0),
        "{weeks:?}"
    );
    assert_eq!(first.net, [("XTR".to_owned(), 500)]);
    assert_eq!(second.net, [("XTR".to_owned(), 0)]);
    assert!(
        near(first.scores[2], 1.0) && near(second.scores[2], -1.0),
        "{weeks:?}"
    );
    // The month's recurring revenue still counts Alice's payment a week later.
    assert_eq!(second.recurring, [("XTR".to_owned(), 500)]);
    assert_eq!(first.drops, [(1, "First tip".to_owned())]);
    assert_eq!(first.plans, [("pro-month".to_owned(), 1)]);
    assert!(second.plans.is_empty());
    assert!(first.total.unwrap() > second.total.unwrap());

    let revenue = &dash.revenue;
    assert_eq!(revenue.arpu, [("XTR".to_owned(), 500)]);
    assert_eq!(revenue.churn_rate, Some(0.0));
    let lifetime = &revenue.lifetime[0];
    assert_eq!((lifetime.members, lifetime.value), (1, Some(500)));
    assert_eq!(lifetime.mean_days, Some(30.0));
    assert_eq!(revenue.funnel.first_paid, 1);
}
