//! `/submit TEXT` (or a reply with `/submit`), `/rules`, and the operators' `/review list |
//! approve ID [WHEN] [to TARGET] [tier TIER] [tags TAGS] | reject ID REASON`. Approval reads the
//! drop grammar's clauses, so a submission is scheduled exactly like a drop.

use super::{Command, unknown_subcommand};
use crate::commands::ReviewCommand;
use crate::drops::grammar::{CLAUSE_WORDS, DropCommand, drop_id, parse_drop};
use crate::names::is_blank;
use steward_i18n::Msg;
use steward_i18n::msg;

/// Longest submission, as long as a drop may be.
pub const MAX_SUBMISSION: usize = 4000;

/// Longest rejection reason.
const MAX_REJECT_REASON: usize = 500;

pub(super) fn submit(raw_args: &str, is_reply: bool) -> Result<Command, Msg> {
    let text = if is_blank(raw_args) {
        ""
    } else {
        raw_args.trim()
    };
    if text.is_empty() && !is_reply {
        return Err(msg!("parse-submit"));
    }
    if text.chars().count() > MAX_SUBMISSION {
        return Err(msg!("parse-submit-long", max = MAX_SUBMISSION));
    }
    Ok(Command::Submit {
        text: text.to_owned(),
    })
}

/// A submission id as typed: `3` or `#3`.
fn submission_id(word: &str) -> Result<i64, Msg> {
    drop_id(word).map_err(|_| msg!("parse-submission-id", word = word))
}

pub(super) fn review(raw_args: &str) -> Result<Command, Msg> {
    let words: Vec<&str> = raw_args.split_whitespace().collect();
    let command = match words.as_slice() {
        ["list"] => ReviewCommand::List,
        ["approve", id, rest @ ..] => {
            let id = submission_id(id)?;
            // No time means now; the clauses then follow directly.
            let starts_with_clause = rest
                .first()
                .is_none_or(|w| CLAUSE_WORDS.contains(&w.to_lowercase().as_str()));
            let clauses = if starts_with_clause {
                format!("now {}", rest.join(" "))
            } else {
                rest.join(" ")
            };
            let DropCommand::Create(request) = parse_drop(&clauses, true)? else {
                return Err(msg!("parse-review"));
            };
            if !request.text.is_empty() {
                return Err(msg!("parse-review-approve-text", text = request.text));
            }
            ReviewCommand::Approve { id, request }
        }
        ["reject", id, reason @ ..] if !reason.is_empty() => {
            let reason = reason.join(" ");
            if reason.chars().count() > MAX_REJECT_REASON {
                return Err(msg!(
                    "parse-reason-too-long",
                    max = MAX_REJECT_REASON,
                    length = reason.chars().count()
                ));
            }
            ReviewCommand::Reject {
                id: submission_id(id)?,
                reason,
            }
        }
        ["reject", _] => return Err(msg!("parse-review-reject-reason")),
        _ => return Err(unknown_subcommand("review", words.first().copied())),
    };
    Ok(Command::Review(command))
}
