use super::*;
use crate::commands::{Arg, Params, Subcommand};

#[test]
fn every_command_fits_the_platforms_rules_in_every_language() {
    // Discord and Telegram both take lowercase names of 1-32 chars and descriptions of
    // 1-100 chars (Telegram: 3-256); usage lines must start with the command itself.
    for c in COMMANDS {
        assert!(
            (1..=32).contains(&c.name.len())
                && c.name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '_'),
            "{}",
            c.name
        );
        for lang in Lang::all() {
            let summary = c.summary(lang);
            assert!(
                (3..=100).contains(&summary.chars().count()),
                "{lang} {}",
                c.name
            );
            for form in [CommandForm::Typed, CommandForm::Form] {
                let usage = c.usage(lang, form);
                assert!(usage.starts_with(&format!("/{}", c.name)), "{lang} {usage}");
            }
        }
    }
}

/// Every (subcommand, arguments) form of a command.
fn forms(spec: &CommandSpec) -> Vec<(Option<&'static Subcommand>, &'static [Arg])> {
    match spec.params {
        Params::Args(args) => vec![(None, args)],
        Params::Subcommands(subs) => subs.iter().map(|s| (Some(s), s.args)).collect(),
    }
}

#[test]
fn the_usage_lines_name_every_subcommand_and_keyword() {
    // Usage lines are written by hand, in every language; this catches an argument renamed in
    // one place only. Subcommands stay English everywhere; a locale may show its own words for
    // the keywords the parser also takes in that language (`赛季榜` for `season`).
    for lang in Lang::all() {
        for spec in COMMANDS {
            let usage = spec.usage(lang, CommandForm::Typed);
            for (sub, args) in forms(spec) {
                if let Some(sub) = sub.filter(|s| s.named) {
                    assert!(
                        usage.contains(sub.name),
                        "{lang} {} {}",
                        spec.name,
                        sub.name
                    );
                }
                for keyword in args.iter().filter_map(|a| a.keyword) {
                    let english = lang == Lang::default();
                    assert!(
                        !english || usage.contains(keyword),
                        "{} {keyword}",
                        spec.name
                    );
                }
                if !spec.form_usage {
                    continue;
                }
                let slash = spec.usage(lang, CommandForm::Form);
                let names = sub.map(|s| s.name).into_iter();
                for name in names.chain(args.iter().map(|a| a.name)) {
                    assert!(
                        slash.contains(name),
                        "{lang} {}: {name} not in {slash}",
                        spec.name
                    );
                }
            }
        }
    }
}

#[test]
fn an_optional_word_never_comes_before_a_required_one_in_the_text_form() {
    // The parser reads words by position: an optional positional argument left out before
    // a required one would shift what every later word means.
    for spec in COMMANDS {
        for (_, args) in forms(spec) {
            let mut optional_seen = None;
            for arg in args {
                if arg.required
                    && let Some(optional) = optional_seen
                {
                    panic!("{}: {} after optional {optional}", spec.name, arg.name);
                }
                if !arg.required && arg.keyword.is_none() {
                    optional_seen = Some(arg.name);
                }
            }
        }
    }
}

#[test]
fn names_are_unique() {
    for (i, c) in COMMANDS.iter().enumerate() {
        assert!(
            COMMANDS[i + 1..].iter().all(|o| o.name != c.name),
            "{}",
            c.name
        );
    }
}
