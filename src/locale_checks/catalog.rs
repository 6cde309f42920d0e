//! The command catalogue's texts against the locales: every summary, usage line, subcommand,
//! argument and choice the catalogue names exists in every locale, without arguments.

use crate::core::commands::{Arg, ArgKind, Params, Subcommand};
use crate::core::commands::{COMMANDS, CommandForm, CommandSpec};

/// Every (subcommand, arguments) form of a command.
fn forms(spec: &CommandSpec) -> Vec<(Option<&'static Subcommand>, &'static [Arg])> {
    match spec.params {
        Params::Args(args) => vec![(None, args)],
        Params::Subcommands(subs) => subs.iter().map(|s| (Some(s), s.args)).collect(),
    }
}

#[test]
fn every_catalogue_text_exists_in_every_locale() {
    let locales = super::all_locales();
    let mut keys = Vec::new();
    for spec in COMMANDS {
        keys.push(spec.summary_key());
        keys.push(spec.usage_key(CommandForm::Typed));
        keys.push(spec.usage_key(CommandForm::Form));
        for (sub, args) in forms(spec) {
            keys.extend(sub.map(|s| s.key.to_owned()));
            for arg in args {
                keys.push(arg.key.to_owned());
                if let ArgKind::Choice(choices) = arg.kind {
                    keys.extend(choices.iter().map(|c| c.key.to_owned()));
                }
            }
        }
    }
    for (locale, known) in &locales {
        for key in &keys {
            assert!(known.contains_key(key), "{locale}: `{key}` is missing");
            assert!(
                known[key].is_empty(),
                "{locale}: `{key}` takes no arguments"
            );
        }
    }
}
