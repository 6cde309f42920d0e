//! Issue #12 item 9: every problem at once, sorted by line, each with its key and line, in the
//! user's words rather than serde's.

use super::shown;
use crate::*;

#[track_caller]
fn assert_plain(shown: &[String]) {
    for rust_words in [
        "invalid type",
        "expected i64",
        "expected u32",
        "expected a",
        "unknown variant",
    ] {
        assert!(
            shown.iter().all(|p| !p.contains(rust_words)),
            "`{rust_words}` in {shown:#?}"
        );
    }
}

#[test]
fn wrong_types_are_named_in_plain_words() {
    let text = r#"[community]
timezone = 5
level_up_announcements = "yes"
operators = "console:admin"

[points]
message_xp_min = "ten"
daily_base = 2.5
thanks_words = ["thanks", 3]
"#;
    let shown = shown(text);
    assert_eq!(shown.len(), 6, "{shown:#?}");
    for (problem, expected) in shown.iter().zip([
        "line 2: community.timezone: must be text in quotes, not 5",
        "line 3: community.level_up_announcements: must be true or false, not \"yes\"",
        "line 4: community.operators: must be a list in [ ], not \"console:admin\"",
        "line 7: points.message_xp_min: must be a whole number, not \"ten\"",
        "line 8: points.daily_base: must be a whole number, not 2.5",
        "line 9: points.thanks_words: must be text in quotes, not 3",
    ]) {
        assert_eq!(problem, expected);
    }
    assert_plain(&shown);
}

#[test]
fn unknown_keys_suggest_the_key_meant() {
    let text = r#"[community]
timezon = "UTC"

[points]
foo = 1
message_xp_minimum = 5
timezone = "UTC"

[pointz]
x = 1
"#;
    assert_eq!(
        shown(text),
        [
            "line 2: community.timezon: unknown field `timezon` in [community]; did you mean `timezone`?",
            "line 5: points.foo: unknown field `foo` in [points]",
            "line 6: points.message_xp_minimum: unknown field `message_xp_minimum` in [points]; did you mean `message_xp_min`?",
            "line 7: points.timezone: unknown field `timezone` in [points]; it belongs in [community]",
            "line 9: pointz: unknown section [pointz]; did you mean [points]?",
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once_sorted_by_line() {
    let text = r#"[database]
path = ""

[community]
name = "x"
timezone = "Mars/Olympus"
operators = ["telegram:abc"]
colour = "blue"

[points]
message_xp_min = "ten"
daily_base = -5
"#;
    let problems = Config::from_toml(text).unwrap_err();
    let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
    assert_eq!(
        lines,
        [Some(2), Some(6), Some(7), Some(8), Some(11), Some(12)],
        "{problems:#?}"
    );
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "database.path",
            "community.timezone",
            "community.operators",
            "community.colour",
            "points.message_xp_min",
            "points.daily_base",
        ]
    );
}

#[test]
fn a_syntax_error_is_reported_alone_with_line_and_column() {
    let text = "[community]\nname = \"x\"\ntimezone = 5\n\n[points\nmessage_xp_min = 5\n";
    let shown = shown(text);
    assert_eq!(
        shown,
        ["line 5, column 8: syntax: the [section] header is missing its closing `]`"]
    );
    assert_eq!(
        self::shown("[community]\nname = Steward\n"),
        ["line 2, column 8: syntax: text must be in quotes, like \"this\""]
    );
    assert_eq!(
        self::shown("[points]\ndaily_base = 1\ndaily_base = 2\n"),
        ["line 3, column 1: syntax: `daily_base` is set twice"]
    );
    assert_eq!(
        self::shown("[[tiers]\nid = \"pro\"\n"),
        ["line 1, column 9: syntax: the [[section]] header is missing its closing `]]`"]
    );
    assert_eq!(
        self::shown("[database]\npath = \"C:\\data\\steward.db\"\n"),
        [
            "line 2, column 12: syntax: a backslash in \"text\" starts an escape like \\n; write \\\\ for a backslash, or use 'single quotes'"
        ]
    );
}

#[test]
fn the_problem_count_has_the_right_plural() {
    let error = |text: &str| {
        ConfigError::Invalid {
            path: "a.toml".into(),
            problems: Config::from_toml(text).unwrap_err(),
        }
        .to_string()
    };
    let one = error("[points]\ndaily_base = -1\n");
    assert!(
        one.starts_with("a.toml has 1 problem:\n  line 2: "),
        "{one}"
    );
    let three = error("[points]\ndaily_base = -1\nthanks_xp = -1\ndaily_streak_bonus = -1\n");
    assert!(
        three.starts_with("a.toml has 3 problems:\n  line 2: "),
        "{three}"
    );
}

#[test]
fn database_path_problems_have_their_line() {
    assert_eq!(
        shown("[community]\nname = \"x\"\n\n[database]\npath = \"  \"\n"),
        ["line 5: database.path: must name a file"]
    );
}

#[test]
fn a_missing_required_key_names_its_section_line_and_nothing_follows_from_it() {
    let text = r#"[[tiers]]
id = "pro"
rank = 1

[[rewards]]
id = "week"
name = "Week"
cost = 10
tier = "pro"
duration = "7d"
"#;
    assert_eq!(
        shown(text),
        ["line 1: tiers[0].name: is missing (each [[tiers]] needs id, name and rank)"]
    );
}

#[test]
fn a_value_set_aside_causes_no_follow_on_problems() {
    assert_eq!(
        shown("[points]\nmessage_xp_min = \"ten\"\nmessage_xp_max = 10\n").len(),
        1
    );
    assert_eq!(
        shown(
            "[channels.news]\ndiscord = 5\n\n[[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\ngated_channels = [\"news\"]\n"
        ),
        ["line 2: channels.news.discord: must be text in quotes, not 5"]
    );
    assert_eq!(
        shown(
            "[channels]\nnews = 5\n\n[[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\ngated_channels = [\"news\"]\n"
        ),
        ["line 2: channels.news: must be a section like [channels.news], not 5"]
    );
}

#[test]
fn ids_without_an_upper_bound_say_only_the_lower_one() {
    assert_eq!(
        shown("[discord]\nguilds = [5, -1]\n"),
        ["line 2: discord.guilds: must be 1 or more, not -1"]
    );
}

#[test]
fn whole_numbers_are_accepted_where_a_number_is_expected() {
    let config =
        Config::from_toml("[[tiers]]\nid = \"a\"\nname = \"A\"\nrank = 1\nxp_multiplier = 2\n")
            .unwrap();
    assert!((config.membership.tiers[0].xp_multiplier - 2.0).abs() < f64::EPSILON);
}

#[test]
fn every_key_the_schema_knows_is_one_the_file_reads() {
    let text = r#"[telegram]
token = "1:x"
api_url = "http://127.0.0.1:1"
chats = [-100]

[discord]
token = "y"
api_url = "http://127.0.0.1:2"
guilds = [1]

[[tiers]]
id = "pro"
name = "Pro"
rank = 1
xp_multiplier = 1.5
daily_bonus = 20
discord_role = "5"
telegram_chat = -200
gated_channels = ["news"]
description = "x"

[channels.news]
discord = "9"
telegram = -100
console = "news"
"#;
    let config = Config::from_toml(text).unwrap();
    assert_eq!(
        config.discord.api_url.as_deref(),
        Some("http://127.0.0.1:2")
    );
}
