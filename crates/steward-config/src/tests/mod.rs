mod env;
mod example;
mod newcomer;
mod promos;
mod shape;
mod values;
mod web;

use super::*;
use steward_core::ids::ChatRef;

/// The problems a file produces, as shown to the user.
pub(super) fn shown(text: &str) -> Vec<String> {
    Config::from_toml(text)
        .err()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn an_empty_file_is_all_defaults() {
    let config = Config::from_toml("").unwrap();
    assert_eq!(config.database_path, PathBuf::from("steward.db"));
    assert_eq!(config.message_xp.min_xp, 15);
    assert_eq!(config.thanks.per_giver_per_day, 5);
    assert_eq!(config.calendar.tz, chrono_tz::UTC);
}

#[test]
fn the_example_config_is_valid() {
    let text = include_str!("../../../../config.example.toml");
    let config = Config::from_toml(text).unwrap();
    assert_eq!(config.calendar.tz, chrono_tz::Europe::Berlin);
}

#[test]
fn every_problem_names_its_key_and_line() {
    let text = "[community]\ntimezone = \"Mars/Olympus\"\noperators = [\"telegram:1\", \"slack:2\"]\n\n[points]\nmessage_xp_min = 30\nmessage_xp_max = 20\n";
    let problems = Config::from_toml(text).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("line 2: community.timezone: `Mars/Olympus`")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("line 3: community.operators: unknown platform `slack`")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("line 7: points.message_xp_max")),
        "{shown:?}"
    );
}

#[test]
fn unknown_keys_and_syntax_errors_give_the_line() {
    let problems = Config::from_toml("[community]\nname = \"x\"\ntimezon = \"UTC\"\n").unwrap_err();
    assert_eq!(problems[0].line, Some(3));
    assert!(
        problems[0].message.contains("unknown field `timezon`"),
        "{:?}",
        problems[0]
    );
}

#[test]
fn tokens_come_from_the_environment_and_are_never_printed() {
    let mut config = Config::default();
    config
        .apply_env(|key| (key == "STEWARD_TELEGRAM_TOKEN").then(|| "123:secret".to_owned()))
        .unwrap();
    let token = config.telegram.token.clone().unwrap();
    assert_eq!(token.expose(), "123:secret");
    assert!(!format!("{config:?}").contains("secret"));
}

#[test]
fn only_listed_chats_belong_to_the_community() {
    let config =
        Config::from_toml("[telegram]\nchats = [-100]\n[discord]\nguilds = [7]\n").unwrap();
    let chats = &config.chats;
    assert!(chats.is_community(&ChatRef::group(Platform::Telegram, "-100")));
    assert!(!chats.is_community(&ChatRef::group(Platform::Telegram, "-200")));
    assert!(!chats.is_community(&ChatRef::private(Platform::Telegram, "-100")));
    let channel = ChatRef {
        server: Some("7".into()),
        ..ChatRef::group(Platform::Discord, "55")
    };
    assert!(chats.is_community(&channel));
    assert!(chats.is_community(&ChatRef::group(Platform::Console, "general")));
}

#[test]
fn tiers_rewards_and_channels_are_checked_against_each_other() {
    let text = "[[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\ngated_channels = [\"lounge\"]\n\n[[rewards]]\nid = \"x\"\nname = \"X\"\ncost = 10\ntier = \"gold\"\nduration = \"a week\"\n\n[drops]\ncatch_up = \"forever\"\n";
    let shown: Vec<String> = Config::from_toml(text)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        shown.iter().any(
            |p| p == "line 5: tiers[0].gated_channels: `lounge` is not a [channels.NAME] entry"
        ),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p == "line 11: rewards[0].tier: `gold` is not a tier id"),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("line 12: rewards[0].duration: `a week` is not a duration")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("line 15: drops.catch_up")),
        "{shown:?}"
    );
}

#[test]
fn channels_map_one_name_to_chats_on_several_platforms() {
    let config = Config::from_toml("[channels.News]\ndiscord = \"9\"\ntelegram = -100\n").unwrap();
    let chats = &config.membership.channels["news"];
    assert_eq!(
        chats,
        &vec![
            ChatRef::group(Platform::Discord, "9"),
            ChatRef::group(Platform::Telegram, "-100")
        ]
    );
}

#[test]
fn level_rewards_are_sorted_and_a_bad_role_names_its_line() {
    let text = "[[level_rewards]]\nlevel = 10\ndiscord_role = \"20\"\n\n[[level_rewards]]\nlevel = 5\ndiscord_role = \"10\"\n";
    let config = Config::from_toml(text).unwrap();
    let levels: Vec<u32> = config.level_rewards.iter().map(|r| r.level).collect();
    assert_eq!(levels, [5, 10]);
    let problems =
        Config::from_toml("[[level_rewards]]\nlevel = 3\ndiscord_role = \"Pro\"\n").unwrap_err();
    let shown = problems[0].to_string();
    assert!(
        shown.starts_with("line 3: level_rewards.discord_role: `Pro` is not a Discord role id"),
        "{shown}"
    );
}

#[test]
fn courses_in_config_are_checked_against_the_tiers_and_each_other() {
    let text = "[[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\n\n[[courses]]\nid = \"Rust-101\"\ntitle = \"Rust basics\"\ntier = \"pro\"\n";
    let config = Config::from_toml(text).unwrap();
    assert_eq!(config.courses[0].id, "rust-101");
    assert_eq!(config.courses[0].tier.as_deref(), Some("pro"));
    let bad = "[[courses]]\nid = \"a b\"\ntitle = \"A\"\n\n[[courses]]\nid = \"c\"\ntitle = \"C\"\ntier = \"gold\"\n";
    let shown: Vec<String> = Config::from_toml(bad)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("line 2: courses[0].id: `a b` is not a course id")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("line 8: courses[1].tier: `gold` is not one of the [[tiers]]")),
        "{shown:?}"
    );
}

#[test]
fn discord_ids_that_are_not_numbers_name_their_key_and_line() {
    let text = "[[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\ndiscord_role = \"@Pro\"\n\n[channels.news]\ndiscord = \"#news\"\n";
    let problems = Config::from_toml(text).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        shown.iter().any(
            |p| p.starts_with("line 5: tiers[0].discord_role: `@Pro` is not a Discord role id")
        ),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p
                .starts_with("line 8: channels.news.discord: `#news` is not a Discord channel id")),
        "{shown:?}"
    );
}
