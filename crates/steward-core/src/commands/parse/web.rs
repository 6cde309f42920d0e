//! `/web` (a login link) and `/web logout [@member]`, with the words of every locale
//! (`/web 退出`).

use super::{Command, member_token, optional_member};
use crate::words::Word;
use steward_i18n::Msg;
use steward_i18n::msg;

pub(super) fn web(args: &[&str]) -> Result<Command, Msg> {
    match args {
        [] => Ok(Command::Web),
        [word, rest @ ..] if Word::Logout.is(word) => Ok(Command::WebLogout {
            who: optional_member(rest)?,
        }),
        // Discord's form with only the member filled in: a member is named only to end their
        // sessions, so that is what it asks for.
        [who] if who.starts_with('@') => Ok(Command::WebLogout {
            who: Some(member_token(who)?),
        }),
        _ => Err(msg!("parse-web-args")),
    }
}
