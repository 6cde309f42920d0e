//! Replies a newcomer reads first, worded right: one usage line for a wrong subcommand, and
//! English that counts (1 point, 1 Star).

use crate::helpers::*;

#[tokio::test]
async fn a_wrong_subcommand_is_named_once_with_one_usage_line() {
    let app = spawn_app().await;
    let admin = console("admin");
    for (typed, said) in [
        ("/event bogus", "/event has no subcommand “bogus”."),
        ("/review bogus", "/review has no subcommand “bogus”."),
        ("/event", "/event needs a subcommand."),
    ] {
        let reply = app.ask(&admin, typed).await;
        assert!(reply.starts_with(said), "{typed}: {reply}");
        assert_eq!(
            reply
                .matches("/event list")
                .count()
                .max(reply.matches("/review list").count()),
            1,
            "{reply}"
        );
    }
}

#[tokio::test]
async fn one_point_and_one_star_are_singular() {
    let config =
        format!("{CONFIG}\n[[plans]]\nid = \"tip\"\ntier = \"pro\"\nterm = \"30d\"\nstars = 1\n");
    let app = spawn_app_with(&config).await;
    let admin = console("admin");
    app.ask(&console("bob"), "/rank").await;
    app.ask(&admin, "/points add @bob 1").await;
    let history = app.ask(&console("bob"), "/history").await;
    assert!(history.contains("+1 XP, +1 point: "), "{history}");
    let plans = app.ask(&console("bob"), "/plans").await;
    assert!(plans.contains("1 Star a month"), "{plans}");
}
