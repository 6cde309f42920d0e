//! Text form of commands (`/points add @alice 50 great talk`) to typed [`Command`]s, with what
//! was wrong (a [`Msg`], rendered in the member's language) for anything malformed.

use std::fmt;
use unicode_normalization::UnicodeNormalization;

use super::{Command, CommandForm, CommandSpec, find};
use crate::drops::grammar::{drop_id, parse_drop};
use crate::names::is_blank;
use crate::words::Word;
use steward_i18n::{Lang, Msg};
use steward_i18n::{msg, tr};

/// Largest amount one command may move, far below anything that could overflow a total.
pub const MAX_AMOUNT: i64 = 1_000_000_000;

/// Longest reason (`/thanks`, `/points`): it is stored in the ledger and echoed in replies,
/// which every platform caps (Discord at 2,000 characters).
pub const MAX_REASON: usize = 300;

/// Longest id typed for a reward.
const MAX_ID: usize = 64;

/// Why a command line could not be understood. The engine renders it in the member's language
/// with the usage line of their platform (`Engine::command_error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandError {
    Unknown(String),
    Usage {
        spec: &'static CommandSpec,
        problem: Msg,
    },
}

/// English, with the text form's usage line: for logs and tests.
impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let en = Lang::default();
        f.write_str(&match self {
            Self::Unknown(name) => tr!(en, "command-unknown", name = name),
            Self::Usage { spec, problem } => tr!(
                en,
                "command-usage",
                problem = problem.clone(),
                usage = spec.usage(en, CommandForm::Typed)
            ),
        })
    }
}

impl std::error::Error for CommandError {}

/// Parses a chat line. Returns `Ok(None)` for text that is not a command.
/// `is_reply` says whether the message replies to someone, which changes how `/thanks reason`
/// and `/points add 5` read.
pub fn parse(text: &str, is_reply: bool) -> Result<Option<Command>, CommandError> {
    let text = text.trim();
    // A Chinese keyboard types the full-width ／.
    let Some(rest) = text.strip_prefix('/').or_else(|| text.strip_prefix('／')) else {
        return Ok(None);
    };
    let (head, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    // `/rank@StewardBot` addresses this bot by name in groups.
    let name: String = head
        .split('@')
        .next()
        .unwrap_or_default()
        .nfkc()
        .collect::<String>()
        .to_lowercase()
        // Telegram's commands are a-z, 0-9 and _; `/redeem-gift` is typed as written too.
        .replace('-', "_");
    if name.is_empty() {
        return Ok(None);
    }
    let spec = find(&name).ok_or_else(|| CommandError::Unknown(truncate(&name)))?;
    // Free text, taken from `raw_args`, keeps what was typed, unless it draws nothing at all.
    let raw_args = if is_blank(args) { "" } else { args };
    // Words are read in their NFKC form (a Chinese keyboard's ３天 is 3天); a word of only
    // invisible characters is no word (`/thanks @bob` + a zero-width space gives no reason).
    let words: Vec<String> = args
        .split_whitespace()
        .filter(|w| !is_blank(w))
        .map(|w| w.nfkc().collect())
        .collect();
    let args: Vec<&str> = words.iter().map(String::as_str).collect();
    let usage = |problem: Msg| CommandError::Usage { spec, problem };
    let command = match spec.name {
        "help" => match args.as_slice() {
            [] => Command::Help { command: None },
            [name] => Command::Help {
                command: Some(truncate(
                    &name
                        .trim_start_matches('/')
                        .to_lowercase()
                        .replace('-', "_"),
                )),
            },
            _ => return Err(usage(msg!("parse-help"))),
        },
        "daily" => no_args(&args, Command::Daily).map_err(usage)?,
        "rank" => {
            // `card` may come before or after the member: `/rank card @bob`, `/rank @bob 卡片`.
            let card = args.iter().any(|word| Word::Card.is(word));
            let rest: Vec<&str> = args.iter().copied().filter(|w| !Word::Card.is(w)).collect();
            Command::Rank {
                who: optional_member(&rest).map_err(usage)?,
                card,
            }
        }
        "history" => Command::History {
            who: optional_member(&args).map_err(usage)?,
        },
        "leaderboard" => ranking::leaderboard(&args).map_err(usage)?,
        "thanks" => {
            let (who, rest) = member_then_rest(&args, is_reply).map_err(usage)?;
            Command::Thanks {
                who,
                reason: reason(rest).map_err(usage)?,
            }
        }
        "privacy" => privacy::privacy(&args).map_err(usage)?,
        "language" => match args.as_slice() {
            [] => Command::Language { choice: None },
            [choice] => Command::Language {
                choice: Some((*choice).to_owned()),
            },
            _ => return Err(usage(msg!("parse-language-one"))),
        },
        "link" => match args.as_slice() {
            [] => Command::Link { code: None },
            [code] => Command::Link {
                code: Some(code.to_uppercase()),
            },
            _ => return Err(usage(msg!("parse-link-code-one-word"))),
        },
        "points" => points(&args, is_reply).map_err(usage)?,
        "season" => ranking::season(&args).map_err(usage)?,
        "membership" => no_args(&args, Command::Membership).map_err(usage)?,
        "web" => web::web(&args).map_err(usage)?,
        "tiers" => no_args(&args, Command::Tiers).map_err(usage)?,
        "shop" => no_args(&args, Command::Shop).map_err(usage)?,
        "drops" => discovery::drops(&args).map_err(usage)?,
        "redeem" => match args.as_slice() {
            [reward] if reward.chars().count() > MAX_ID => {
                return Err(usage(msg!("parse-reward-id-invalid")));
            }
            [reward] => Command::Redeem {
                reward: reward.to_lowercase(),
            },
            _ => return Err(usage(msg!("parse-reward-one"))),
        },
        "rate" => rate(&args).map_err(usage)?,
        "member" => membership::member(&args, is_reply).map_err(usage)?,
        "drop" => Command::Drop(parse_drop(raw_args, is_reply).map_err(usage)?),
        "plans" => no_args(&args, Command::Plans).map_err(usage)?,
        "start" => match args.as_slice() {
            [] => Command::Start { payload: None },
            [payload] => Command::Start {
                payload: Some((*payload).to_owned()),
            },
            _ => return Err(usage(msg!("parse-start-one"))),
        },
        "paysupport" => no_args(&args, Command::PaySupport).map_err(usage)?,
        "subscribe" => payments::subscribe(&args).map_err(usage)?,
        "promo" => promo::promo(&args).map_err(usage)?,
        "gift" => {
            let (who, rest) = member_then_rest(&args, is_reply).map_err(usage)?;
            let (plan, anonymous) = match rest {
                [plan] => (plan, false),
                [plan, word] if word.eq_ignore_ascii_case("anonymous") => (plan, true),
                _ => return Err(usage(msg!("parse-gift"))),
            };
            Command::Gift {
                who,
                plan: plan.to_lowercase(),
                anonymous,
            }
        }
        "gift_code" => match args.as_slice() {
            [plan] => Command::GiftCode {
                plan: plan.to_lowercase(),
            },
            _ => return Err(usage(msg!("parse-plan-one"))),
        },
        "redeem_gift" => match args.as_slice() {
            [code] if code.len() <= 32 => Command::RedeemGift {
                code: (*code).to_owned(),
            },
            _ => return Err(usage(msg!("parse-gift-code"))),
        },
        "team" => teams::team(&args, is_reply).map_err(usage)?,
        "certificate" => certificates::certificate(&args).map_err(usage)?,
        "ask" => questions::ask(raw_args, is_reply).map_err(usage)?,
        "accept" => questions::accept(&args, is_reply).map_err(usage)?,
        "questions" => questions::questions(&args).map_err(usage)?,
        "invite" => match args.as_slice() {
            [] => Command::Invite { stats: false },
            ["stats"] => Command::Invite { stats: true },
            _ => return Err(usage(msg!("parse-invite"))),
        },
        "subscription" => payments::subscription(&args).map_err(usage)?,
        "payments" => payments::payments(&args).map_err(usage)?,
        "course" => courses::course(&args).map_err(usage)?,
        "done" => courses::done(&args).map_err(usage)?,
        "feedback" => courses::feedback(&args).map_err(usage)?,
        "progress" => no_args(&args, Command::Progress).map_err(usage)?,
        "submit" => review::submit(raw_args, is_reply).map_err(usage)?,
        "event" => events::event(raw_args).map_err(usage)?,
        "rules" => no_args(&args, Command::Rules).map_err(usage)?,
        "review" => review::review(raw_args).map_err(usage)?,
        "recommend" => discovery::recommend(&args).map_err(usage)?,
        "broadcast" => broadcast::broadcast(raw_args).map_err(usage)?,
        "broadcasts" => broadcast::broadcasts(&args).map_err(usage)?,
        _ => return Err(CommandError::Unknown(name)),
    };
    Ok(Some(command))
}

/// A command with subcommands given none, or one it does not have: the reply names what was
/// wrong and the usage line that follows shows the rest.
fn unknown_subcommand(command: &str, word: Option<&str>) -> Msg {
    match word {
        None => msg!("parse-subcommand-missing", command = command),
        Some(word) => msg!(
            "parse-subcommand-unknown",
            command = command,
            word = truncate(word)
        ),
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(32).collect()
}

fn joined(words: &[&str]) -> Option<String> {
    (!words.is_empty()).then(|| words.join(" "))
}

/// The words of a reason, at most [`MAX_REASON`] characters.
fn reason(words: &[&str]) -> Result<Option<String>, Msg> {
    let reason = joined(words);
    match reason.as_deref().map(|r| r.chars().count()) {
        Some(length) if length > MAX_REASON => Err(msg!(
            "parse-reason-too-long",
            max = MAX_REASON,
            length = length
        )),
        _ => Ok(reason),
    }
}

fn no_args(args: &[&str], command: Command) -> Result<Command, Msg> {
    if args.is_empty() {
        Ok(command)
    } else {
        Err(msg!("parse-no-arguments"))
    }
}

fn optional_member(args: &[&str]) -> Result<Option<String>, Msg> {
    match args {
        [] => Ok(None),
        [who] => Ok(Some(member_token(who)?)),
        _ => Err(msg!("parse-member-at-most-one")),
    }
}

fn member_token(word: &str) -> Result<String, Msg> {
    let name = word.strip_prefix('@').unwrap_or(word);
    if name.is_empty() || name.chars().count() > 64 {
        return Err(msg!("parse-member-name-invalid", word = truncate(word)));
    }
    Ok(name.to_owned())
}

/// `@member rest...`; when replying, the member may be left out (the replied-to author).
fn member_then_rest<'a>(
    args: &'a [&'a str],
    is_reply: bool,
) -> Result<(Option<String>, &'a [&'a str]), Msg> {
    match args.first() {
        Some(first) if first.starts_with('@') || !is_reply => {
            Ok((Some(member_token(first)?), &args[1..]))
        }
        _ if is_reply => Ok((None, args)),
        _ => Err(msg!("parse-member-missing")),
    }
}

fn amount(word: &str) -> Result<i64, Msg> {
    match word.parse::<i64>() {
        Ok(n) if (1..=MAX_AMOUNT).contains(&n) => Ok(n),
        Ok(_) => Err(msg!("parse-amount-range", max = MAX_AMOUNT)),
        Err(_) => Err(msg!("parse-amount-invalid", word = truncate(word))),
    }
}

fn points(args: &[&str], is_reply: bool) -> Result<Command, Msg> {
    let Some((action, rest)) = args.split_first() else {
        return Err(msg!("parse-points-action-missing"));
    };
    // The member may be omitted when replying: `/points add 50 reason`.
    let (who, rest) = match rest.first() {
        Some(first) if is_reply && first.parse::<i64>().is_ok() => (None, rest),
        Some(_) => member_then_rest(rest, false)?,
        None => return Err(msg!("parse-points-member-and-amount")),
    };
    let Some((n, words)) = rest.split_first() else {
        return Err(msg!("parse-points-amount-missing"));
    };
    let amount = amount(n)?;
    let reason = reason(words)?;
    match action.to_lowercase().as_str() {
        "add" => Ok(Command::PointsAdd {
            who,
            amount,
            reason,
        }),
        "remove" => Ok(Command::PointsRemove {
            who,
            amount,
            reason,
        }),
        other => Err(msg!("parse-points-action-invalid", word = truncate(other))),
    }
}

fn rate(args: &[&str]) -> Result<Command, Msg> {
    let [id, stars] = args else {
        return Err(msg!("parse-rate-args"));
    };
    let stars = stars
        .parse::<u8>()
        .ok()
        .filter(|s| (1..=5).contains(s))
        .ok_or_else(|| msg!("parse-rate-stars-invalid", word = truncate(stars)))?;
    Ok(Command::Rate {
        drop: drop_id(id)?,
        stars,
    })
}

pub(crate) mod broadcast;
mod certificates;
mod courses;
mod discovery;
mod events;
mod membership;
mod payments;
mod privacy;
mod promo;
mod questions;
mod ranking;
mod review;
mod teams;
#[cfg(test)]
mod tests;
mod web;
