use super::*;
use crate::commands::{BoardArg, COMMANDS, Command, find, parse};
use crate::drops::grammar::DropCommand;

/// Values a person might give each kind of argument on a form.
fn samples(kind: ArgKind) -> Vec<String> {
    let words: &[&str] = match kind {
        ArgKind::Member => &["@ada"],
        ArgKind::Text { .. } => &["Advent"],
        ArgKind::Integer { min, max } => return vec![min.to_string(), max.to_string()],
        ArgKind::Choice(choices) => return choices.iter().map(|c| c.value.to_owned()).collect(),
        ArgKind::Tier => &["pro"],
        ArgKind::DropId => &["12"],
        ArgKind::RewardId => &["mug"],
        ArgKind::PlanId => &["pro-month"],
        ArgKind::Duration => &["30d", "lifetime"],
        ArgKind::Date => &["2026-12-31"],
        ArgKind::When => &["tomorrow 09:00", "in 2h", "now"],
        ArgKind::Repeat => &["weekday", "month 1", "0 9 * * 1-5"],
        ArgKind::Channels => &["news, lounge"],
        ArgKind::Post => &["Standup", "every day counts"],
        ArgKind::Title => &["Advent", "Winter hackathon"],
        // Never on the line: whatever it holds, the line is the same.
        ArgKind::Attachment => &["slides.pdf"],
    };
    words.iter().map(|w| (*w).to_owned()).collect()
}

/// Every (subcommand, arguments) form of a command.
fn forms(spec: &CommandSpec) -> Vec<(Option<&'static str>, &'static [Arg])> {
    match spec.params {
        Params::Args(args) => vec![(None, args)],
        Params::Subcommands(subs) => subs.iter().map(|s| (Some(s.name), s.args)).collect(),
    }
}

fn line(name: &str, subcommand: Option<&str>, values: &[(&str, &str)]) -> String {
    let spec = find(name).expect("a catalogue command");
    spec.write_line(subcommand, |arg| {
        values
            .iter()
            .find(|(n, _)| *n == arg.name)
            .map(|(_, v)| (*v).to_owned())
    })
}

#[test]
fn every_form_filled_in_on_discord_is_understood_by_the_text_parser() {
    for spec in COMMANDS {
        for (subcommand, args) in forms(spec) {
            let required = |arg: &Arg| arg.required.then(|| samples(arg.kind).remove(0));
            // The required arguments alone, then each argument with each sample value.
            let mut lines = vec![spec.write_line(subcommand, required)];
            for chosen in args {
                for sample in samples(chosen.kind) {
                    lines.push(spec.write_line(subcommand, |arg| {
                        if arg.name == chosen.name {
                            Some(sample.clone())
                        } else {
                            required(arg)
                        }
                    }));
                }
            }
            for text in lines {
                let parsed = parse(&text, false);
                assert!(
                    matches!(&parsed, Ok(Some(command)) if command.name() == spec.name),
                    "{text} -> {parsed:?}"
                );
            }
        }
    }
}

#[test]
fn a_scheduled_drop_is_written_in_the_grammar_order_whatever_the_form_order() {
    let text = line(
        "drop",
        Some("schedule"),
        &[
            ("text", "New lesson"),
            ("tier", "pro"),
            ("to", "news, lounge"),
            ("every", "mon,thu"),
            ("when", "mon 09:00"),
        ],
    );
    assert_eq!(
        text,
        "/drop mon 09:00 every mon,thu to news,lounge tier pro New lesson"
    );
    let Ok(Some(Command::Drop(DropCommand::Create(request)))) = parse(&text, false) else {
        panic!("{text}");
    };
    assert_eq!(request.targets, ["news", "lounge"]);
    assert_eq!(request.tier.as_deref(), Some("pro"));
    assert_eq!(request.text, "New lesson");
}

#[test]
fn a_cron_rule_is_quoted_and_a_named_rule_is_not() {
    let cron = line(
        "drop",
        Some("schedule"),
        &[
            ("when", "now"),
            ("every", "0 9 * * 1-5"),
            ("text", "Standup"),
        ],
    );
    assert_eq!(cron, "/drop now every \"0 9 * * 1-5\" Standup");
    let named = line(
        "drop",
        Some("schedule"),
        &[("when", "now"), ("every", "weekday"), ("text", "Standup")],
    );
    assert_eq!(named, "/drop now every weekday Standup");
}

#[test]
fn a_season_name_asks_for_the_season_board_with_or_without_the_board_choice() {
    let season = Command::Leaderboard {
        board: BoardArg::Season(Some("Advent".into())),
        page: 2,
    };
    for values in [
        &[("season", "Advent"), ("page", "2")][..],
        &[("board", "season"), ("season", "Advent"), ("page", "2")][..],
    ] {
        let text = line("leaderboard", None, values);
        assert_eq!(text, "/leaderboard season Advent 2");
        assert_eq!(parse(&text, false), Ok(Some(season.clone())));
    }
}

#[test]
fn blank_values_are_left_out_and_an_unknown_subcommand_reaches_the_parser() {
    assert_eq!(
        line(
            "season",
            Some("start"),
            &[("name", "Advent"), ("until", "  ")]
        ),
        "/season start Advent"
    );
    let text = line("points", Some("double"), &[("member", "@ada")]);
    assert_eq!(text, "/points double");
    assert!(parse(&text, false).is_err());
}

#[test]
fn drop_text_that_starts_like_a_clause_stays_text() {
    let text = line(
        "drop",
        Some("schedule"),
        &[("when", "now"), ("text", "every day counts")],
    );
    assert_eq!(text, "/drop now -- every day counts");
    let Ok(Some(Command::Drop(DropCommand::Create(request)))) = parse(&text, false) else {
        panic!("{text} did not parse as a drop");
    };
    assert_eq!(
        (request.every, request.text.as_str()),
        (None, "every day counts")
    );
}
