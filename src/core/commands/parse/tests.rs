use super::*;

fn ok(text: &str) -> Command {
    parse(text, false).unwrap().unwrap()
}

fn problem(text: &str) -> String {
    parse(text, false).unwrap_err().to_string()
}

#[test]
fn plain_text_is_not_a_command() {
    assert_eq!(parse("hello /rank", false), Ok(None));
    assert_eq!(parse("/", false), Ok(None));
}

#[test]
fn bot_suffix_and_case_are_ignored() {
    assert_eq!(ok("/Rank@StewardBot"), Command::Rank { who: None });
    assert_eq!(
        ok("/rank @Alice"),
        Command::Rank {
            who: Some("Alice".into())
        }
    );
}

#[test]
fn points_take_member_amount_and_reason() {
    assert_eq!(
        ok("/points add @bob 50 great talk"),
        Command::PointsAdd {
            who: Some("bob".into()),
            amount: 50,
            reason: Some("great talk".into())
        }
    );
    assert_eq!(
        parse("/points remove 5", true).unwrap().unwrap(),
        Command::PointsRemove {
            who: None,
            amount: 5,
            reason: None
        }
    );
}

#[test]
fn bad_amounts_explain_and_show_usage() {
    let text = problem("/points add @bob -3");
    assert!(text.contains("between 1 and"), "{text}");
    assert!(
        text.contains("Usage: /points add|remove @member N [reason]"),
        "{text}"
    );
    assert!(problem("/points add @bob 99999999999999999999").contains("not a whole number"));
    assert!(problem("/points give @bob 5").contains("not add or remove"));
    assert!(problem("/points").contains("Usage"));
}

#[test]
fn thanks_by_reply_reads_all_words_as_the_reason() {
    assert_eq!(
        parse("/thanks for the fix", true).unwrap().unwrap(),
        Command::Thanks {
            who: None,
            reason: Some("for the fix".into())
        }
    );
    assert_eq!(
        ok("/thanks bob"),
        Command::Thanks {
            who: Some("bob".into()),
            reason: None
        }
    );
    assert!(problem("/thanks").contains("Name the member"));
}

#[test]
fn leaderboard_periods_pages_and_season_names() {
    assert_eq!(
        ok("/leaderboard"),
        Command::Leaderboard {
            board: BoardArg::All,
            page: 1
        }
    );
    assert_eq!(
        ok("/leaderboard week 3"),
        Command::Leaderboard {
            board: BoardArg::Week,
            page: 3
        }
    );
    assert_eq!(
        ok("/leaderboard 2"),
        Command::Leaderboard {
            board: BoardArg::All,
            page: 2
        }
    );
    assert_eq!(
        ok("/leaderboard season Advent 2026 2"),
        Command::Leaderboard {
            board: BoardArg::Season(Some("Advent 2026".into())),
            page: 2
        }
    );
    assert!(problem("/leaderboard yearly").contains("all, week, month or season"));
    assert!(problem("/leaderboard week 0").contains("page"));
}

#[test]
fn seasons_have_names_and_optional_end_dates() {
    assert_eq!(
        ok("/season start Advent of Code until 2026-12-25"),
        Command::SeasonStart {
            name: "Advent of Code".into(),
            until: NaiveDate::from_ymd_opt(2026, 12, 25)
        }
    );
    assert_eq!(ok("/season end"), Command::SeasonEnd);
    assert!(problem("/season start X until tomorrow").contains("not a date"));
    assert!(problem("/season start").contains("name"));
}

#[test]
fn unknown_commands_point_to_help() {
    assert_eq!(
        problem("/frobnicate"),
        "Unknown command /frobnicate. Send /help to see what you can use."
    );
}

#[test]
fn reasons_are_capped_with_a_reply_that_says_how_long_they_may_be() {
    let longest = "x".repeat(MAX_REASON);
    assert_eq!(
        ok(&format!("/thanks @bob {longest}")),
        Command::Thanks {
            who: Some("bob".into()),
            reason: Some(longest.clone()),
        }
    );
    let too_long = format!("/thanks @bob {longest}y");
    assert_eq!(
        problem(&too_long),
        "A reason can be at most 300 characters; this one has 301.\nUsage: /thanks @member [reason]"
    );
    let megabyte = format!("/points add @bob 5 {}", "word ".repeat(200_000));
    let reply = problem(&megabyte);
    assert!(
        reply.starts_with("A reason can be at most 300 characters"),
        "{reply}"
    );
    assert!(reply.len() < 200, "the reply does not echo the reason");
}

#[test]
fn an_overlong_reward_id_is_refused_without_echoing_it() {
    let reply = problem(&format!("/redeem {}", "a".repeat(10_000)));
    assert!(reply.starts_with("That is not a reward id"), "{reply}");
    assert!(reply.len() < 200);
}

#[test]
fn end_dates_stay_within_the_next_thousand_years() {
    assert_eq!(
        problem("/season start Forever until 9999-12-31"),
        "`9999-12-31` is too far ahead: pick a date before 3000-01-01.\nUsage: /season start NAME [until YYYY-MM-DD] | /season end"
    );
    assert!(matches!(
        ok("/season start Long until 2999-12-31"),
        Command::SeasonStart { until: Some(_), .. }
    ));
}
