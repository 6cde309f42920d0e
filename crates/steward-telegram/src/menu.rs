//! The command menus Telegram shows (setMyCommands): built from the command catalogue, member
//! commands for everyone and all commands for chat admins, once per language. Pure, so a test
//! can hold every entry of every locale to Telegram's rules before a server refuses the list.

use teloxide::types::BotCommand;

use crate::core::commands::{Audience, COMMANDS};
use crate::i18n::Lang;

/// The menu for members, or with `operator` the one for chat admins, described in `lang`.
#[must_use]
pub(super) fn menu(operator: bool, lang: Lang) -> Vec<BotCommand> {
    COMMANDS
        .iter()
        .filter(|c| operator || c.audience == Audience::Member)
        .map(|c| BotCommand::new(c.name, c.summary(lang)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_menu_entry_keeps_telegrams_rules() {
        // Telegram refuses the whole setMyCommands call over one bad entry.
        for (operator, lang) in [false, true]
            .into_iter()
            .flat_map(|o| Lang::all().map(move |l| (o, l)))
        {
            let entries = menu(operator, lang);
            assert!(entries.len() <= 100, "at most 100 commands");
            for (i, entry) in entries.iter().enumerate() {
                let name = &entry.command;
                assert!(
                    (1..=32).contains(&name.len())
                        && name
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                    "/{name}: 1-32 characters of a-z, 0-9 and _"
                );
                assert!(
                    (1..=256).contains(&entry.description.chars().count()),
                    "/{name}: a description of 1-256 characters"
                );
                assert!(
                    entries[..i].iter().all(|e| e.command != *name),
                    "/{name} twice"
                );
            }
        }
    }

    #[test]
    fn members_see_only_their_commands_and_admins_see_all() {
        let names = |operator| -> Vec<String> {
            menu(operator, Lang::default())
                .into_iter()
                .map(|c| c.command)
                .collect()
        };
        let members = names(false);
        let admins = names(true);
        assert!(members.contains(&"rank".to_owned()) && members.contains(&"rate".to_owned()));
        assert!(!members.contains(&"points".to_owned()) && !members.contains(&"drop".to_owned()));
        assert_eq!(admins.len(), COMMANDS.len());
        assert!(admins.contains(&"points".to_owned()) && admins.contains(&"drop".to_owned()));
    }

    #[test]
    fn each_language_gets_its_own_descriptions() {
        let zh = Lang::from_code("zh-CN").expect("zh-CN is compiled in");
        let rank = |lang| {
            menu(false, lang)
                .into_iter()
                .find(|c| c.command == "rank")
                .map(|c| c.description)
        };
        assert_eq!(
            rank(Lang::default()).as_deref(),
            Some("Level, XP, rank and balance")
        );
        assert_eq!(rank(zh).as_deref(), Some("查看等级、经验、排名和积分"));
    }
}
