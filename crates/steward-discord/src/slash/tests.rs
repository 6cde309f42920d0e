use serde_json::Value;

use super::*;
use crate::core::tiers::TierAccess;

fn tier(id: &str, name: &str) -> TierDef {
    TierDef {
        id: id.to_owned(),
        name: name.to_owned(),
        rank: 1,
        xp_multiplier: 1.0,
        daily_bonus: 0,
        access: TierAccess::default(),
        gated_channels: Vec::new(),
        description: String::new(),
    }
}

/// No tiers, the two of the example config, and more than one menu can hold.
fn tier_sets() -> Vec<Vec<TierDef>> {
    let many = (1..=30)
        .map(|i| tier(&format!("tier{i:02}"), &format!("Supporter tier {i:02}")))
        .collect();
    vec![
        Vec::new(),
        vec![tier("pro", "Pro"), tier("vip", "VIP")],
        many,
    ]
}

/// The registration payload as Discord receives it, for a community speaking English.
fn payload(tiers: &[TierDef]) -> Vec<Value> {
    payload_in(tiers, Lang::default())
}

fn payload_in(tiers: &[TierDef], lang: Lang) -> Vec<Value> {
    definitions(tiers, lang)
        .iter()
        .map(|c| serde_json::to_value(c).expect("a command serializes"))
        .collect()
}

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Discord holds each localized description and choice name to the same 1-100 characters.
fn check_localizations(at: &str, object: &Value, field: &str, problems: &mut Vec<String>) {
    let Some(localized) = object[field].as_object() else {
        return;
    };
    for (locale, text) in localized {
        if !DISCORD_LOCALES.contains(&locale.as_str()) {
            problems.push(format!("{at}: `{locale}` is not a Discord locale"));
        }
        if !(1..=100).contains(&chars(text)) {
            problems.push(format!("{at}: {locale} text of {} characters", chars(text)));
        }
    }
}

fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// `^[-_\p{L}\p{N}]{1,32}$`, lowercase for chat-input commands.
fn name_problem(name: &str) -> Option<&'static str> {
    if !(1..=32).contains(&name.chars().count()) {
        return Some("must be 1-32 characters");
    }
    if !name
        .chars()
        .all(|c| c == '-' || c == '_' || c.is_alphabetic() || c.is_numeric())
    {
        return Some("may hold only letters, digits, - and _");
    }
    if name.to_lowercase() != name {
        return Some("must be lowercase");
    }
    None
}

/// Checks one level of options against Discord's rules, noting each break in `problems`;
/// returns the characters the level counts toward the command's 4,000.
fn check_level(at: &str, options: &[Value], problems: &mut Vec<String>) -> usize {
    let mut found = Vec::new();
    let mut problem = |what: String| found.push(format!("{at}: {what}"));
    if options.len() > 25 {
        problem(format!("{} options, more than 25", options.len()));
    }
    let mut counted = 0;
    let mut optional_seen = false;
    for (i, option) in options.iter().enumerate() {
        let name = option["name"].as_str().unwrap_or_default();
        if let Some(rule) = name_problem(name) {
            problem(format!("option `{name}` {rule}"));
        }
        if options[..i].iter().any(|o| o["name"] == name) {
            problem(format!("option `{name}` appears twice"));
        }
        if !(1..=100).contains(&chars(&option["description"])) {
            problem(format!("`{name}` needs a description of 1-100 characters"));
        }
        let mut localized = Vec::new();
        check_localizations(name, option, "description_localizations", &mut localized);
        for choice in list(&option["choices"]) {
            check_localizations(name, choice, "name_localizations", &mut localized);
        }
        localized.into_iter().for_each(&mut problem);
        counted += chars(&option["name"]) + chars(&option["description"]);
        let choices = list(&option["choices"]);
        if choices.len() > 25 {
            problem(format!(
                "`{name}` has {} choices, more than 25",
                choices.len()
            ));
        }
        for choice in choices {
            if !(1..=100).contains(&chars(&choice["name"])) {
                problem(format!("`{name}` has a choice named {}", choice["name"]));
            }
            counted += chars(&choice["name"]) + chars(&choice["value"]);
        }
        if option["autocomplete"] == true && !choices.is_empty() {
            problem(format!("`{name}` has both autocomplete and choices"));
        }
        if let (Some(min), Some(max)) = (option["min_value"].as_f64(), option["max_value"].as_f64())
            && min > max
        {
            problem(format!("`{name}` has min {min} above max {max}"));
        }
        if option["type"] == 1 {
            let inner = format!("{at} {name}");
            counted += check_level(&inner, list(&option["options"]), problems);
            continue;
        }
        let required = option["required"] == true;
        if required && optional_seen {
            problem(format!("required `{name}` after an optional option"));
        }
        optional_seen |= !required;
    }
    problems.append(&mut found);
    counted
}

/// Every problem of one command with Discord's rules.
fn command_problems(command: &Value) -> Vec<String> {
    let name = command["name"].as_str().unwrap_or_default();
    let mut problems = Vec::new();
    // Message commands ("Schedule as drop") may hold spaces and capitals, and have no description.
    if command["type"] == 3 {
        if !(1..=32).contains(&name.chars().count()) {
            problems.push(format!("{name}: must be 1-32 characters"));
        }
        return problems;
    }
    if let Some(rule) = name_problem(name) {
        problems.push(format!("{name} {rule}"));
    }
    if !(1..=100).contains(&chars(&command["description"])) {
        problems.push(format!("{name} needs a description of 1-100 characters"));
    }
    check_localizations(name, command, "description_localizations", &mut problems);
    let options = list(&command["options"]);
    let counted = chars(&command["name"])
        + chars(&command["description"])
        + check_level(name, options, &mut problems);
    if counted > 4000 {
        problems.push(format!(
            "{name} counts {counted} characters, more than 4000"
        ));
    }
    problems
}

#[test]
fn every_registered_command_keeps_discords_rules_in_every_language() {
    for (tiers, lang) in tier_sets()
        .into_iter()
        .flat_map(|t| Lang::all().map(move |l| (t.clone(), l)))
    {
        let commands = payload_in(&tiers, lang);
        assert!(commands.len() <= 100, "at most 100 guild commands");
        let mut problems: Vec<String> = commands.iter().flat_map(command_problems).collect();
        for (i, command) in commands.iter().enumerate() {
            let twin = commands[..i]
                .iter()
                .any(|c| c["name"] == command["name"] && c["type"] == command["type"]);
            if twin {
                problems.push(format!("{} is registered twice", command["name"]));
            }
        }
        assert!(
            problems.is_empty(),
            "with {} tiers in {lang} Discord would refuse:\n{}",
            tiers.len(),
            problems.join("\n")
        );
    }
}

#[test]
fn the_rule_check_catches_what_discord_refuses() {
    // A check that passes everything proves nothing: feed it one broken command.
    let broken = serde_json::json!({
        "name": "Points", "type": 1, "description": "",
        "options": [
            {"name": "add", "type": 1, "description": "Add", "options": [
                {"name": "why", "type": 3, "description": "Why", "required": false},
                {"name": "who", "type": 6, "description": "Who", "required": true},
                {"name": "who", "type": 6, "description": "Who", "required": true},
                {"name": "n", "type": 4, "description": "N", "min_value": 5, "max_value": 1},
                {"name": "pick", "type": 3, "description": "Pick", "autocomplete": true,
                 "choices": [{"name": "", "value": "a", "name_localizations": {"zh-CN": ""}}]}
            ]},
            {"name": "add", "type": 1, "description": "x".repeat(101),
             "description_localizations": {"zh-CN": "长".repeat(101), "klingon": "x"}}
        ]
    });
    let problems = command_problems(&broken).join("\n");
    for expected in [
        "must be lowercase",
        "needs a description of 1-100",
        "required `who` after an optional",
        "`who` appears twice",
        "min 5 above max 1",
        "both autocomplete and choices",
        "has a choice named",
        "option `add` appears twice",
        "zh-CN text of 101 characters",
        "zh-CN text of 0 characters",
        "`klingon` is not a Discord locale",
    ] {
        assert!(
            problems.contains(expected),
            "{expected} not caught in:\n{problems}"
        );
    }
}

/// The options of `command` (and `subcommand`), by name, as registered with `tiers`.
fn options_of_command<'a>(commands: &'a [Value], command: &str, sub: Option<&str>) -> &'a [Value] {
    let command = commands
        .iter()
        .find(|c| c["name"] == command)
        .expect("command registered");
    let options = list(&command["options"]);
    match sub {
        None => options,
        Some(sub) => list(
            &options
                .iter()
                .find(|o| o["name"] == sub)
                .expect("subcommand registered")["options"],
        ),
    }
}

fn names(options: &[Value]) -> Vec<&str> {
    options.iter().filter_map(|o| o["name"].as_str()).collect()
}

#[test]
fn a_drop_form_asks_for_when_and_text_first_then_the_optional_clauses() {
    let commands = payload(&[]);
    let schedule = options_of_command(&commands, "drop", Some("schedule"));
    assert_eq!(
        names(schedule),
        ["when", "text", "every", "to", "tier", "tags", "file"]
    );
    let drop = options_of_command(&commands, "drop", None);
    assert_eq!(
        names(drop),
        [
            "schedule", "list", "show", "cancel", "status", "stats", "tags"
        ]
    );
    let show = options_of_command(&commands, "drop", Some("show"));
    assert_eq!(
        show[0]["autocomplete"], true,
        "drop ids are offered as you type"
    );
}

#[test]
fn the_tier_menus_offer_the_configured_tiers_up_to_discords_25() {
    let two = payload(&[tier("pro", "Pro"), tier("vip", "VIP")]);
    let grant = options_of_command(&two, "member", Some("grant"));
    assert_eq!(names(grant), ["member", "tier", "duration"]);
    let labels: Vec<&Value> = list(&grant[1]["choices"])
        .iter()
        .map(|c| &c["name"])
        .collect();
    assert_eq!(labels, ["Pro", "VIP"]);
    let many = payload(&tier_sets()[2]);
    let list_tier = &options_of_command(&many, "member", Some("list"))[0];
    assert_eq!(list(&list_tier["choices"]).len(), 25);
}

#[test]
fn options_keep_the_names_members_know_and_the_parsers_bounds() {
    let commands = payload(&[]);
    let points = options_of_command(&commands, "points", Some("add"));
    assert_eq!(names(points), ["member", "amount", "reason"]);
    assert_eq!(points[1]["min_value"], 1);
    assert_eq!(points[1]["max_value"], crate::core::commands::MAX_AMOUNT);
    let rate = options_of_command(&commands, "rate", None);
    assert_eq!(names(rate), ["id", "stars"]);
    assert_eq!(rate[1]["min_value"], 1);
    assert_eq!(rate[1]["max_value"], 5);
    let board = &options_of_command(&commands, "leaderboard", None)[0];
    let values: Vec<&Value> = list(&board["choices"])
        .iter()
        .map(|c| &c["value"])
        .collect();
    assert_eq!(values, ["all", "week", "month", "season"]);
    let erase = options_of_command(&commands, "privacy", Some("delete"));
    assert_eq!(names(erase), ["step", "member"]);
    let steps: Vec<&Value> = list(&erase[0]["choices"])
        .iter()
        .map(|c| &c["value"])
        .collect();
    assert_eq!(steps, ["confirm", "end"]);
    let until = &options_of_command(&commands, "season", Some("start"))[1];
    assert_eq!(until["max_length"], 10, "YYYY-MM-DD");
}

#[test]
fn every_catalogue_argument_is_registered_with_its_name_bounds_and_requiredness() {
    let commands = payload(&[tier("pro", "Pro")]);
    for spec in COMMANDS {
        let forms: Vec<(Option<&str>, &[Arg])> = match spec.params {
            Params::Args(args) => vec![(None, args)],
            Params::Subcommands(subs) => subs.iter().map(|s| (Some(s.name), s.args)).collect(),
        };
        for (sub, args) in forms {
            let registered = options_of_command(&commands, spec.name, sub);
            assert_eq!(registered.len(), args.len(), "/{} {sub:?}", spec.name);
            for arg in args {
                let at = format!("/{} {} {}", spec.name, sub.unwrap_or(""), arg.name);
                let option = registered
                    .iter()
                    .find(|o| o["name"] == arg.name)
                    .unwrap_or_else(|| panic!("{at} is not registered"));
                assert_eq!(
                    option["description"],
                    arg.description(Lang::default()),
                    "{at}"
                );
                assert_eq!(option["required"], arg.required, "{at}");
                if let ArgKind::Integer { min, max } = arg.kind {
                    assert_eq!(option["min_value"], min, "{at}");
                    assert_eq!(option["max_value"], max, "{at}");
                }
                let suggests = matches!(
                    arg.kind,
                    ArgKind::DropId | ArgKind::RewardId | ArgKind::PlanId
                );
                assert_eq!(option["autocomplete"] == true, suggests, "{at}");
            }
        }
    }
}

#[test]
fn members_see_descriptions_in_their_apps_language_and_the_community_default_otherwise() {
    let zh = Lang::from_code("zh-CN").expect("zh-CN is compiled in");
    let english = payload_in(&[], Lang::default());
    let rank = english.iter().find(|c| c["name"] == "rank").expect("rank");
    assert_eq!(rank["description"], "Level, XP, rank and balance");
    assert_eq!(
        rank["description_localizations"]["zh-CN"],
        "查看等级、经验、排名和积分"
    );
    assert_eq!(
        rank["description_localizations"]["zh-TW"], rank["description_localizations"]["zh-CN"],
        "zh-TW falls back to the Chinese Steward carries"
    );
    let chinese = payload_in(&[], zh);
    let rank = chinese.iter().find(|c| c["name"] == "rank").expect("rank");
    assert_eq!(rank["description"], "查看等级、经验、排名和积分");
    assert_eq!(
        rank["description_localizations"]["en-US"],
        "Level, XP, rank and balance"
    );
    let board = &options_of_command(&chinese, "leaderboard", None)[0];
    assert_eq!(board["choices"][1]["name"], "周榜");
    assert_eq!(
        board["choices"][1]["value"], "week",
        "values stay what the parser reads"
    );
}
