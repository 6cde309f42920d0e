//! `/privacy hide|show|export|delete [@member] [end|confirm]`, with the words of every locale
//! (`/privacy 删除 确认`).

use super::{Command, member_token};
use crate::commands::EraseStep;
use crate::words::Word;
use steward_i18n::Msg;
use steward_i18n::msg;

pub(super) fn privacy(args: &[&str]) -> Result<Command, Msg> {
    let Some((first, rest)) = args.split_first() else {
        return Err(msg!("parse-privacy-choice"));
    };
    match Word::find(first, &[Word::Hide, Word::Show, Word::Export, Word::Erase]) {
        Some(Word::Erase) => erase(rest),
        Some(_) if !rest.is_empty() => Err(msg!("parse-privacy-one-word")),
        Some(Word::Hide) => Ok(Command::Privacy { hidden: true }),
        Some(Word::Show) => Ok(Command::Privacy { hidden: false }),
        Some(_) => Ok(Command::PrivacyExport),
        None => Err(msg!("parse-privacy-choice")),
    }
}

/// `[@member] [end|confirm]`, in either order.
fn erase(args: &[&str]) -> Result<Command, Msg> {
    let mut who = None;
    let mut step = None;
    for word in args {
        match Word::find(word, &[Word::Confirm, Word::EndMemberships]) {
            Some(_) if step.is_some() => return Err(msg!("parse-privacy-delete-one-step")),
            Some(Word::Confirm) => step = Some(EraseStep::Confirm),
            Some(_) => {
                step = Some(EraseStep::Ask {
                    end_memberships: true,
                });
            }
            None if who.is_some() => return Err(msg!("parse-member-at-most-one")),
            None => who = Some(member_token(word)?),
        }
    }
    Ok(Command::PrivacyDelete {
        who,
        step: step.unwrap_or(EraseStep::Ask {
            end_memberships: false,
        }),
    })
}
