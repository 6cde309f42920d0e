use super::*;
use crate::commands::BoardArg;
use crate::duration::Term;
use chrono::NaiveDate;

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
fn a_dash_in_a_command_name_reads_as_telegrams_underscore() {
    assert_eq!(
        ok("/redeem-gift ABCD-EFGH-JKLM"),
        Command::RedeemGift {
            code: "ABCD-EFGH-JKLM".into()
        }
    );
    assert_eq!(
        ok("/help redeem-gift"),
        Command::Help {
            command: Some("redeem_gift".into())
        }
    );
}

#[test]
fn bot_suffix_and_case_are_ignored() {
    assert_eq!(
        ok("/Rank@StewardBot"),
        Command::Rank {
            who: None,
            card: false
        }
    );
    assert_eq!(
        ok("/rank @Alice"),
        Command::Rank {
            who: Some("Alice".into()),
            card: false
        }
    );
    assert_eq!(
        ok("/rank card @Alice"),
        Command::Rank {
            who: Some("Alice".into()),
            card: true
        }
    );
    assert_eq!(
        ok("/rank 卡片"),
        Command::Rank {
            who: None,
            card: true
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

fn zh() -> Lang {
    Lang::from_code("zh-CN").expect("zh-CN is compiled in")
}

fn problem_msg(text: &str) -> Msg {
    match parse(text, false) {
        Err(CommandError::Usage { problem, .. }) => problem,
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn a_chinese_member_gets_a_chinese_usage_reply() {
    assert_eq!(
        problem_msg("/points add @bob -3").render(zh()),
        "数量必须在 1 到 1000000000 之间。"
    );
    assert_eq!(
        problem_msg(&format!("/thanks @bob {}", "x".repeat(MAX_REASON + 1))).render(zh()),
        "理由最多 300 个字符，这条有 301 个。"
    );
    assert!(
        problem_msg("/drop in 5m to")
            .render(zh())
            .contains("后面要跟频道名")
    );
}

#[test]
fn english_plurals_read_as_before() {
    assert_eq!(
        problem_msg(&format!("/drop now {}", "x".repeat(4001))).to_string(),
        "The text is longer than 4000 characters."
    );
    assert_eq!(
        problem_msg("/season start").to_string(),
        "Give the season a name of 1 to 64 characters."
    );
}

#[test]
fn leaderboard_periods_may_be_typed_in_chinese() {
    let board = |text: &str| match ok(text) {
        Command::Leaderboard { board, page } => (board, page),
        other => panic!("{other:?}"),
    };
    assert_eq!(board("/leaderboard 本周"), (BoardArg::Week, 1));
    assert_eq!(board("/leaderboard 周榜 2"), (BoardArg::Week, 2));
    assert_eq!(board("/leaderboard 本月"), (BoardArg::Month, 1));
    assert_eq!(board("/leaderboard 月榜"), (BoardArg::Month, 1));
    assert_eq!(board("/leaderboard 总榜"), (BoardArg::All, 1));
    assert_eq!(board("/leaderboard 全部 3"), (BoardArg::All, 3));
    assert_eq!(board("/leaderboard 赛季"), (BoardArg::Season(None), 1));
    assert_eq!(
        board("/leaderboard 赛季榜 春季赛 2"),
        (BoardArg::Season(Some("春季赛".into())), 2)
    );
    assert!(problem("/leaderboard 年榜").contains("all, week, month or season"));
    assert!(
        problem_msg("/leaderboard 年榜")
            .render(zh())
            .contains("周榜")
    );
}

#[test]
fn privacy_and_terms_may_be_typed_in_chinese() {
    assert_eq!(ok("/privacy 隐藏"), Command::Privacy { hidden: true });
    assert_eq!(ok("/privacy 公开"), Command::Privacy { hidden: false });
    assert_eq!(ok("/privacy 显示"), Command::Privacy { hidden: false });
    assert_eq!(ok("/privacy HIDE"), Command::Privacy { hidden: true });
    let term = |text: &str| match ok(text) {
        Command::MemberGrant { term, .. } => term,
        other => panic!("{other:?}"),
    };
    assert_eq!(term("/member grant @bob pro 永久"), Term::Lifetime);
    assert_eq!(term("/member grant @bob pro 终身"), Term::Lifetime);
    assert_eq!(
        term("/member grant @bob pro 30天"),
        Term::For(chrono::Duration::days(30))
    );
    assert_eq!(
        term("/member grant @bob pro 6个月"),
        Term::For(chrono::Duration::days(180))
    );
    assert!(
        problem_msg("/member grant @bob pro 三十天")
            .render(zh())
            .contains("不是有效的时长")
    );
}

mod fuzz;
mod invisible;

#[test]
fn privacy_export_and_delete_take_their_steps_in_either_language() {
    use crate::commands::EraseStep;
    let ask = |end| EraseStep::Ask {
        end_memberships: end,
    };
    assert_eq!(ok("/privacy export"), Command::PrivacyExport);
    assert_eq!(ok("/privacy 导出"), Command::PrivacyExport);
    assert_eq!(
        ok("/privacy delete"),
        Command::PrivacyDelete {
            who: None,
            step: ask(false)
        }
    );
    assert_eq!(
        ok("/privacy 删除 结束"),
        Command::PrivacyDelete {
            who: None,
            step: ask(true)
        }
    );
    assert_eq!(
        ok("/privacy delete @alice confirm"),
        Command::PrivacyDelete {
            who: Some("alice".into()),
            step: EraseStep::Confirm
        }
    );
    assert_eq!(
        ok("/privacy erase 确认 @alice"),
        Command::PrivacyDelete {
            who: Some("alice".into()),
            step: EraseStep::Confirm
        }
    );
    assert!(matches!(
        parse("/privacy delete confirm end", false),
        Err(CommandError::Usage { .. })
    ));
    assert!(matches!(
        parse("/privacy export now", false),
        Err(CommandError::Usage { .. })
    ));
    assert!(matches!(
        parse("/privacy", false),
        Err(CommandError::Usage { .. })
    ));
}

#[test]
fn web_asks_for_a_link_or_ends_sessions_in_either_language() {
    assert_eq!(ok("/web"), Command::Web);
    assert_eq!(ok("/web logout"), Command::WebLogout { who: None });
    assert_eq!(ok("/web 退出"), Command::WebLogout { who: None });
    let bob = Command::WebLogout {
        who: Some("bob".into()),
    };
    assert_eq!(ok("/web logout @bob"), bob);
    assert_eq!(ok("/web @bob"), bob);
    assert!(problem("/web please").starts_with("Write /web for a login link"));
}

#[test]
fn full_width_words_read_as_their_ascii() {
    assert_eq!(ok("／ｒａｎｋ"), ok("/rank"), "a full-width command name");
    assert_eq!(
        ok("/member grant @bob pro ３天"),
        ok("/member grant @bob pro 3天")
    );
}
