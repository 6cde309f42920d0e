//! The command menus Telegram shows (setMyCommands): built from the command catalogue, member
//! commands for everyone and all commands for chat admins. Pure, so a test can hold every entry
//! to Telegram's rules before a server refuses the whole list.

use teloxide::types::BotCommand;

use crate::core::commands::{Audience, COMMANDS};

/// The menu for members, or with `operator` the one for chat admins.
#[must_use]
pub(super) fn menu(operator: bool) -> Vec<BotCommand> {
    COMMANDS
        .iter()
        .filter(|c| operator || c.audience == Audience::Member)
        .map(|c| BotCommand::new(c.name, c.summary))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_menu_entry_keeps_telegrams_rules() {
        // Telegram refuses the whole setMyCommands call over one bad entry.
        for operator in [false, true] {
            let entries = menu(operator);
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
        let names =
            |operator| -> Vec<String> { menu(operator).into_iter().map(|c| c.command).collect() };
        let members = names(false);
        let admins = names(true);
        assert!(members.contains(&"rank".to_owned()) && members.contains(&"rate".to_owned()));
        assert!(!members.contains(&"points".to_owned()) && !members.contains(&"drop".to_owned()));
        assert_eq!(admins.len(), COMMANDS.len());
        assert!(admins.contains(&"points".to_owned()) && admins.contains(&"drop".to_owned()));
    }
}
