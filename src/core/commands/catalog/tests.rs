use super::*;

#[test]
fn every_command_fits_the_platforms_rules() {
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
        assert!((3..=100).contains(&c.summary.len()), "{}", c.name);
        assert!(c.usage.starts_with(&format!("/{}", c.name)), "{}", c.name);
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
    // Usage lines are written by hand; this catches an argument renamed in one place only.
    for spec in COMMANDS {
        for (sub, args) in forms(spec) {
            if let Some(sub) = sub.filter(|s| s.named) {
                assert!(spec.usage.contains(sub.name), "{} {}", spec.name, sub.name);
            }
            for keyword in args.iter().filter_map(|a| a.keyword) {
                assert!(spec.usage.contains(keyword), "{} {keyword}", spec.name);
            }
            let Some(slash) = spec.slash_usage else {
                continue;
            };
            let names = sub.map(|s| s.name).into_iter();
            for name in names.chain(args.iter().map(|a| a.name)) {
                assert!(slash.contains(name), "{}: {name} not in {slash}", spec.name);
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
