//! How members find content: `/drops [tag TAG]` and `/recommend [weekly on|off]`.

use super::Command;
use crate::tags::tag;
use steward_i18n::Msg;
use steward_i18n::msg;

pub(super) fn drops(args: &[&str]) -> Result<Command, Msg> {
    match args {
        [] => Ok(Command::Drops { tag: None }),
        ["tag", word] | [word] => Ok(Command::Drops {
            tag: Some(tag(word)?),
        }),
        _ => Err(msg!("parse-drops-tag")),
    }
}

pub(super) fn recommend(args: &[&str]) -> Result<Command, Msg> {
    let weekly = match args {
        [] => None,
        ["weekly", "on"] => Some(true),
        ["weekly", "off"] => Some(false),
        _ => return Err(msg!("parse-recommend")),
    };
    Ok(Command::Recommend { weekly })
}
