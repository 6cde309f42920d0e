//! Issue #12 item 8: values that parse but make no sense are problems with their key and line.

use super::shown;
use crate::*;
use steward_core::ids::ChatRef;

#[track_caller]
fn assert_reported(shown: &[String], expected: &str) {
    assert!(
        shown.iter().any(|p| p.starts_with(expected)),
        "expected a problem starting `{expected}` in {shown:#?}"
    );
}

#[test]
fn negative_amounts_bonuses_costs_multipliers_and_counts_are_problems() {
    let text = r#"[points]
message_xp_min = -1
daily_base = -50
daily_streak_bonus = -10
daily_streak_cap = -1
thanks_xp = -10
thanks_per_day = -1
min_message_length = -3
message_cooldown_secs = -60

[[tiers]]
id = "pro"
name = "Pro"
rank = 1
xp_multiplier = -1.5
daily_bonus = -500

[[rewards]]
id = "pro-week"
name = "A week of Pro"
cost = -5000
tier = "pro"
duration = "7d"

[[level_rewards]]
level = -3
discord_role = "1"
"#;
    let shown = shown(text);
    for expected in [
        "line 2: points.message_xp_min: must be between 0 and 1000000",
        "line 3: points.daily_base: must be between 0 and 1000000",
        "line 4: points.daily_streak_bonus: must be between 0 and 1000000",
        "line 5: points.daily_streak_cap: must be between 0 and 365",
        "line 6: points.thanks_xp: must be between 0 and 1000000",
        "line 7: points.thanks_per_day: must be between 0 and 100",
        "line 8: points.min_message_length: must be between 0 and 4096",
        "line 9: points.message_cooldown_secs: must be between 0 and 86400",
        "line 15: tiers[0].xp_multiplier: must be between 0 and 10",
        "line 16: tiers[0].daily_bonus: must be between 0 and 1000000",
        "line 21: rewards[0].cost: must be between 1 and 1000000000",
        "line 26: level_rewards[0].level: must be between 1 and 1000",
    ] {
        assert_reported(&shown, expected);
    }
    assert_eq!(shown.len(), 12, "nothing else, no follow-on: {shown:#?}");
}

#[test]
fn amounts_above_their_range_are_problems_too() {
    let text = r#"[points]
message_cooldown_secs = 90000
daily_streak_cap = 400
thanks_per_day = 101
min_message_length = 5000
daily_base = 99999999999999999999

[[tiers]]
id = "pro"
name = "Pro"
rank = 1001
xp_multiplier = 10.5
"#;
    let shown = shown(text);
    for expected in [
        "line 2: points.message_cooldown_secs: must be between 0 and 86400",
        "line 3: points.daily_streak_cap: must be between 0 and 365",
        "line 4: points.thanks_per_day: must be between 0 and 100",
        "line 5: points.min_message_length: must be between 0 and 4096",
        "line 6: points.daily_base: must be between 0 and 1000000",
        "line 11: tiers[0].rank: must be between 0 and 1000",
        "line 12: tiers[0].xp_multiplier: must be between 0 and 10",
    ] {
        assert_reported(&shown, expected);
    }
    assert_eq!(shown.len(), 7, "{shown:#?}");
}

#[test]
fn drops_in_flight_is_one_by_default_and_between_1_and_16() {
    assert_eq!(Config::from_toml("").unwrap().membership.drops_in_flight, 1);
    let eight = Config::from_toml("[drops]\nin_flight = 8\n").unwrap();
    assert_eq!(eight.membership.drops_in_flight, 8);
    for bad in ["0", "17"] {
        let shown = shown(&format!("[drops]\nin_flight = {bad}\n"));
        assert_reported(&shown, "line 2: drops.in_flight: must be between 1 and 16");
    }
}

#[test]
fn duplicate_ids_ranks_and_levels_name_both_lines() {
    let text = r#"[[tiers]]
id = "pro"
name = "Pro"
rank = 1

[[tiers]]
id = "PRO"
name = "Pro again"
rank = 1

[[rewards]]
id = "week"
name = "A week"
cost = 10
tier = "pro"
duration = "7d"

[[rewards]]
id = "Week"
name = "Another week"
cost = 20
tier = "pro"
duration = "7d"

[[level_rewards]]
level = 5
discord_role = "10"

[[level_rewards]]
level = 5
discord_role = "11"
"#;
    let shown = shown(text);
    for expected in [
        "line 7: tiers[1].id: `pro` is defined twice (also on line 2)",
        "line 9: tiers[1].rank: rank 1 is also tier `pro`'s (line 4); each tier needs its own rank",
        "line 19: rewards[1].id: `week` is defined twice (also on line 12)",
        "line 30: level_rewards[1].level: level 5 is listed twice (also on line 26)",
    ] {
        assert_reported(&shown, expected);
    }
    assert_eq!(shown.len(), 4, "{shown:#?}");
}

#[test]
fn empty_names_are_problems() {
    let text = r#"[community]
name = ""

[[tiers]]
id = "pro"
name = " "
rank = 1

[[rewards]]
id = "week"
name = ""
cost = 10
tier = "pro"
duration = "7d"

[channels.""]
console = "x"

[channels.news]
console = ""
"#;
    let shown = shown(text);
    for expected in [
        "line 2: community.name: must not be empty",
        "line 6: tiers[0].name: must not be empty",
        "line 11: rewards[0].name: must not be empty",
        "line 16: channels.\"\": the channel name must not be empty",
        "line 20: channels.news.console: `` is not a console chat name",
    ] {
        assert_reported(&shown, expected);
    }
    assert_eq!(shown.len(), 5, "{shown:#?}");
}

#[test]
fn reward_ids_and_channel_names_are_single_words() {
    let text = r#"[[tiers]]
id = "pro"
name = "Pro"
rank = 1

[[rewards]]
id = "a week"
name = "A week"
cost = 10
tier = "pro"
duration = "7d"

[channels."news, pro"]
console = "news"
"#;
    let shown = shown(text);
    assert_reported(
        &shown,
        "line 7: rewards[0].id: `a week` must be letters, digits, - or _",
    );
    assert_reported(
        &shown,
        "line 13: channels.\"news, pro\": `news, pro` must be letters, digits, - or _",
    );
    assert_eq!(shown.len(), 2, "{shown:#?}");
}

#[test]
fn channel_names_differing_only_in_case_are_one_channel_defined_twice() {
    let text = "[channels.News]\nconsole = \"news\"\n\n[channels.news]\ntelegram = -100\n";
    assert_eq!(
        shown(text),
        ["line 4: channels.news: `news` is defined twice (also on line 1)"]
    );
}

#[test]
fn a_channel_without_any_chat_is_a_problem() {
    let text = "[channels.news]\n\n[channels.other]\ntelegram = -100\n";
    let shown = shown(text);
    assert_eq!(
        shown,
        [
            "line 1: channels.news: names no discord, telegram or console chat, so a drop to it would reach no one"
        ]
    );
}

#[test]
fn operator_ids_follow_each_platforms_rules() {
    let text = r#"[community]
operators = ["telegram:abc", "telegram:-5", "discord:-5", "discord:12x", "console:bad name", "telegram:42", "discord:77", "console:Admin"]
"#;
    let shown = shown(text);
    for expected in [
        "line 2: community.operators: `telegram:abc` is not a Telegram user id",
        "line 2: community.operators: `telegram:-5` is not a Telegram user id",
        "line 2: community.operators: `discord:-5` is not a Discord user id",
        "line 2: community.operators: `discord:12x` is not a Discord user id",
        "line 2: community.operators: `console:bad name` is not a console name",
    ] {
        assert_reported(&shown, expected);
    }
    assert_eq!(shown.len(), 5, "{shown:#?}");
}

#[test]
fn console_operators_are_matched_the_way_the_console_spells_members() {
    let config =
        Config::from_toml("[community]\noperators = [\"console:Admin\", \"telegram:42\"]\n")
            .unwrap();
    assert!(
        config
            .operators
            .contains(&AccountRef::new(Platform::Console, "admin"))
    );
    assert!(
        config
            .operators
            .contains(&AccountRef::new(Platform::Telegram, "42"))
    );
}

#[test]
fn no_xp_chats_follow_each_platforms_chat_rules() {
    let shown = shown(
        "[points]\nno_xp_chats = [\"telegram:-100\", \"telegram:abc\", \"discord:0\", \"console:Off-Topic\"]\n",
    );
    assert_reported(
        &shown,
        "line 2: points.no_xp_chats: `telegram:abc` is not a Telegram chat id",
    );
    assert_reported(
        &shown,
        "line 2: points.no_xp_chats: `discord:0` is not a Discord channel id",
    );
    assert_eq!(shown.len(), 2, "{shown:#?}");

    let config =
        Config::from_toml("[points]\nno_xp_chats = [\"telegram:-100\", \"console:Off-Topic\"]\n")
            .unwrap();
    assert!(
        !config
            .chats
            .earns_xp(&ChatRef::group(Platform::Console, "off-topic"))
    );
    assert!(
        !config
            .chats
            .earns_xp(&ChatRef::group(Platform::Telegram, "-100"))
    );
}

#[test]
fn plans_and_stripe_settings_that_cannot_sell_are_problems() {
    let text = r#"[[tiers]]
id = "pro"
name = "Pro"
rank = 1

[[plans]]
id = "pro-month"
tier = "gold"
term = "30d"
stripe_price = "prod_123"
trial = "36h"

[[plans]]
id = "pro-stars"
tier = "pro"
term = "30d"
stars = 500
trial = "7d"

[[plans]]
id = "pro-life"
tier = "pro"
term = "lifetime"

[stripe]
api_url = "ftp://stripe.example"
mode = "push"
"#;
    let shown = shown(text);
    assert_reported(&shown, "line 8: plans[0].tier: `gold` is not a tier id");
    assert_reported(
        &shown,
        "line 10: plans[0].stripe_price: `prod_123` is not a Stripe Price id",
    );
    assert_reported(
        &shown,
        "line 11: plans[0].trial: must be 1d to 730d, in whole days",
    );
    assert_reported(
        &shown,
        "line 18: plans[1].trial: a trial needs a renewing card plan",
    );
    assert_reported(&shown, "line 21: plans[2].id: a plan needs a price");
    assert_reported(
        &shown,
        "line 26: stripe.api_url: `ftp://stripe.example` is not an http(s) address",
    );
    assert_reported(
        &shown,
        "line 27: stripe.mode: `push` is not one of webhook, poll",
    );
    let good = "[[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\n\n[[plans]]\nid = \"m\"\n\
                tier = \"pro\"\nterm = \"30d\"\nstripe_price = \"price_1\"\ntrial = \"14d\"\n\n\
                [stripe]\nmode = \"poll\"\n";
    let config = Config::from_toml(good).unwrap();
    assert_eq!(config.plans[0].trial, Some(chrono::Duration::days(14)));
    assert_eq!(config.stripe.mode, StripeMode::Poll);
    assert_eq!(config.stripe.api_url, "https://api.stripe.com");
}
