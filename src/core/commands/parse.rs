//! Text form of commands (`/points add @alice 50 great talk`) to typed [`Command`]s, with a usage
//! reply for anything malformed.

use chrono::{Datelike, NaiveDate};

use super::{BoardArg, Command, CommandForm, CommandSpec, find};
use crate::core::drops::grammar::{drop_id, parse_drop};
use crate::core::duration::parse_term;
use crate::core::ids::Platform;
use crate::i18n::Lang;

/// Largest amount one command may move, far below anything that could overflow a total.
pub const MAX_AMOUNT: i64 = 1_000_000_000;

/// Longest reason (`/thanks`, `/points`): it is stored in the ledger and echoed in replies,
/// which every platform caps (Discord at 2,000 characters).
pub const MAX_REASON: usize = 300;

/// Longest id typed for a reward.
const MAX_ID: usize = 64;

/// Why a command line could not be understood; the text is what the user sees.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error("Unknown command /{0}. Send /help to see what you can use.")]
    Unknown(String),
    #[error("{problem}\nUsage: {}", spec.usage(Lang::default(), CommandForm::Typed))]
    Usage {
        spec: &'static CommandSpec,
        problem: String,
    },
}

impl CommandError {
    /// The reply for members of `platform`: the usage line in the form they type there.
    #[must_use]
    pub fn reply_on(&self, platform: Platform) -> String {
        let form = if platform == Platform::Discord {
            CommandForm::Form
        } else {
            CommandForm::Typed
        };
        match self {
            Self::Usage { spec, problem } => {
                format!("{problem}\nUsage: {}", spec.usage(Lang::default(), form))
            }
            other => other.to_string(),
        }
    }
}

/// Parses a chat line. Returns `Ok(None)` for text that is not a command.
/// `is_reply` says whether the message replies to someone, which changes how `/thanks reason`
/// and `/points add 5` read.
pub fn parse(text: &str, is_reply: bool) -> Result<Option<Command>, CommandError> {
    let text = text.trim();
    let Some(rest) = text.strip_prefix('/') else {
        return Ok(None);
    };
    let (head, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    // `/rank@StewardBot` addresses this bot by name in groups.
    let name = head.split('@').next().unwrap_or_default().to_lowercase();
    if name.is_empty() {
        return Ok(None);
    }
    let spec = find(&name).ok_or_else(|| CommandError::Unknown(truncate(&name)))?;
    let raw_args = args;
    let args: Vec<&str> = args.split_whitespace().collect();
    let usage = |problem: &str| CommandError::Usage {
        spec,
        problem: problem.to_owned(),
    };
    let command = match spec.name {
        "help" => Command::Help,
        "daily" => no_args(&args, Command::Daily).map_err(|p| usage(&p))?,
        "rank" => Command::Rank {
            who: optional_member(&args).map_err(|p| usage(&p))?,
        },
        "history" => Command::History {
            who: optional_member(&args).map_err(|p| usage(&p))?,
        },
        "leaderboard" => leaderboard(&args).map_err(|p| usage(&p))?,
        "thanks" => {
            let (who, rest) = member_then_rest(&args, is_reply).map_err(|p| usage(&p))?;
            Command::Thanks {
                who,
                reason: reason(rest).map_err(|p| usage(&p))?,
            }
        }
        "privacy" => match args.as_slice() {
            [word] if word.eq_ignore_ascii_case("hide") => Command::Privacy { hidden: true },
            [word] if word.eq_ignore_ascii_case("show") => Command::Privacy { hidden: false },
            _ => return Err(usage("Say whether to hide or show you.")),
        },
        "language" => match args.as_slice() {
            [] => Command::Language { choice: None },
            [choice] => Command::Language {
                choice: Some((*choice).to_owned()),
            },
            _ => return Err(usage("Name one language.")),
        },
        "link" => match args.as_slice() {
            [] => Command::Link { code: None },
            [code] => Command::Link {
                code: Some(code.to_uppercase()),
            },
            _ => return Err(usage("A link code is one word.")),
        },
        "points" => points(&args, is_reply).map_err(|p| usage(&p))?,
        "season" => season(&args).map_err(|p| usage(&p))?,
        "membership" => no_args(&args, Command::Membership).map_err(|p| usage(&p))?,
        "tiers" => no_args(&args, Command::Tiers).map_err(|p| usage(&p))?,
        "shop" => no_args(&args, Command::Shop).map_err(|p| usage(&p))?,
        "drops" => no_args(&args, Command::Drops).map_err(|p| usage(&p))?,
        "redeem" => match args.as_slice() {
            [reward] if reward.chars().count() > MAX_ID => {
                return Err(usage("That is not a reward id; /shop lists them."));
            }
            [reward] => Command::Redeem {
                reward: reward.to_lowercase(),
            },
            _ => return Err(usage("Name one reward from /shop.")),
        },
        "rate" => rate(&args).map_err(|p| usage(&p))?,
        "member" => member(&args, is_reply).map_err(|p| usage(&p))?,
        "drop" => Command::Drop(parse_drop(raw_args, is_reply).map_err(|p| usage(&p))?),
        _ => return Err(CommandError::Unknown(name)),
    };
    Ok(Some(command))
}

fn truncate(s: &str) -> String {
    s.chars().take(32).collect()
}

fn joined(words: &[&str]) -> Option<String> {
    (!words.is_empty()).then(|| words.join(" "))
}

/// The words of a reason, at most [`MAX_REASON`] characters.
fn reason(words: &[&str]) -> Result<Option<String>, String> {
    let reason = joined(words);
    match reason.as_deref().map(|r| r.chars().count()) {
        Some(length) if length > MAX_REASON => Err(format!(
            "A reason can be at most {MAX_REASON} characters; this one has {length}."
        )),
        _ => Ok(reason),
    }
}

fn no_args(args: &[&str], command: Command) -> Result<Command, String> {
    if args.is_empty() {
        Ok(command)
    } else {
        Err("This command takes no arguments.".into())
    }
}

fn optional_member(args: &[&str]) -> Result<Option<String>, String> {
    match args {
        [] => Ok(None),
        [who] => Ok(Some(member_token(who)?)),
        _ => Err("Name at most one member.".into()),
    }
}

fn member_token(word: &str) -> Result<String, String> {
    let name = word.strip_prefix('@').unwrap_or(word);
    if name.is_empty() || name.chars().count() > 64 {
        return Err(format!("`{}` is not a member name.", truncate(word)));
    }
    Ok(name.to_owned())
}

/// `@member rest...`; when replying, the member may be left out (the replied-to author).
fn member_then_rest<'a>(
    args: &'a [&'a str],
    is_reply: bool,
) -> Result<(Option<String>, &'a [&'a str]), String> {
    match args.first() {
        Some(first) if first.starts_with('@') || !is_reply => {
            Ok((Some(member_token(first)?), &args[1..]))
        }
        _ if is_reply => Ok((None, args)),
        _ => Err("Name the member (or reply to their message).".into()),
    }
}

fn amount(word: &str) -> Result<i64, String> {
    match word.parse::<i64>() {
        Ok(n) if (1..=MAX_AMOUNT).contains(&n) => Ok(n),
        Ok(_) => Err(format!("The amount must be between 1 and {MAX_AMOUNT}.")),
        Err(_) => Err(format!("`{}` is not a whole number.", truncate(word))),
    }
}

fn points(args: &[&str], is_reply: bool) -> Result<Command, String> {
    let Some((action, rest)) = args.split_first() else {
        return Err("Say add or remove.".into());
    };
    // The member may be omitted when replying: `/points add 50 reason`.
    let (who, rest) = match rest.first() {
        Some(first) if is_reply && first.parse::<i64>().is_ok() => (None, rest),
        Some(_) => member_then_rest(rest, false)?,
        None => return Err("Name the member and the amount.".into()),
    };
    let Some((n, words)) = rest.split_first() else {
        return Err("Give the amount.".into());
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
        other => Err(format!("`{}` is not add or remove.", truncate(other))),
    }
}

fn leaderboard(args: &[&str]) -> Result<Command, String> {
    let (page, words) = match args.split_last() {
        Some((last, rest)) if last.chars().all(|c| c.is_ascii_digit()) => {
            let page = last
                .parse::<u32>()
                .ok()
                .filter(|p| (1..=100_000).contains(p))
                .ok_or("The page must be a number from 1.")?;
            (page, rest)
        }
        _ => (1, args),
    };
    let board = match words.split_first() {
        None => BoardArg::All,
        Some((period, rest)) => match period.to_lowercase().as_str() {
            "all" if rest.is_empty() => BoardArg::All,
            "week" if rest.is_empty() => BoardArg::Week,
            "month" if rest.is_empty() => BoardArg::Month,
            "season" => BoardArg::Season(joined(rest)),
            _ => return Err("Choose all, week, month or season.".into()),
        },
    };
    Ok(Command::Leaderboard { board, page })
}

fn season(args: &[&str]) -> Result<Command, String> {
    match args.split_first() {
        Some((action, rest)) if action.eq_ignore_ascii_case("start") => {
            let until_at = rest.iter().position(|w| w.eq_ignore_ascii_case("until"));
            let (name_words, until) = match until_at {
                Some(i) => (&rest[..i], Some(date(&rest[i + 1..])?)),
                None => (rest, None),
            };
            let name = name_words.join(" ");
            if name.is_empty() || name.chars().count() > 64 {
                return Err("Give the season a name of 1 to 64 characters.".into());
            }
            Ok(Command::SeasonStart { name, until })
        }
        Some((action, [])) if action.eq_ignore_ascii_case("end") => Ok(Command::SeasonEnd),
        _ => Err("Say start NAME or end.".into()),
    }
}

fn rate(args: &[&str]) -> Result<Command, String> {
    let [id, stars] = args else {
        return Err("Give the drop id and 1 to 5 stars.".into());
    };
    let stars = stars
        .parse::<u8>()
        .ok()
        .filter(|s| (1..=5).contains(s))
        .ok_or_else(|| format!("`{}` is not 1 to 5 stars.", truncate(stars)))?;
    Ok(Command::Rate {
        drop: drop_id(id)?,
        stars,
    })
}

fn member(args: &[&str], is_reply: bool) -> Result<Command, String> {
    let Some((action, rest)) = args.split_first() else {
        return Err("Say grant, extend, revoke or list.".into());
    };
    let action = action.to_lowercase();
    match action.as_str() {
        "grant" | "extend" => {
            let (who, tier, term) = match rest {
                [tier, term] if is_reply && !tier.starts_with('@') => (None, *tier, *term),
                [who, tier, term] => (Some(member_token(who)?), *tier, *term),
                _ => {
                    return Err(
                        "Name the member, the tier and the duration (30d, 12w or lifetime).".into(),
                    );
                }
            };
            let tier = tier.to_lowercase();
            let term = parse_term(term)?;
            Ok(if action == "grant" {
                Command::MemberGrant { who, tier, term }
            } else {
                Command::MemberExtend { who, tier, term }
            })
        }
        "revoke" => match rest {
            [] if is_reply => Ok(Command::MemberRevoke {
                who: None,
                tier: None,
            }),
            [tier] if is_reply && !tier.starts_with('@') => Ok(Command::MemberRevoke {
                who: None,
                tier: Some(tier.to_lowercase()),
            }),
            [who] => Ok(Command::MemberRevoke {
                who: Some(member_token(who)?),
                tier: None,
            }),
            [who, tier] => Ok(Command::MemberRevoke {
                who: Some(member_token(who)?),
                tier: Some(tier.to_lowercase()),
            }),
            _ => Err("Name the member, and the tier if only one should go.".into()),
        },
        "list" => match rest {
            [] => Ok(Command::MemberList { tier: None }),
            [tier] => Ok(Command::MemberList {
                tier: Some(tier.to_lowercase()),
            }),
            _ => Err("Name at most one tier.".into()),
        },
        other => Err(format!(
            "`{}` is not grant, extend, revoke or list.",
            truncate(other)
        )),
    }
}

/// A day of this millennium's next thousand years: later ones would print as `+10000-01-01`
/// once a day is added, and no season runs that long.
fn date(words: &[&str]) -> Result<NaiveDate, String> {
    match words {
        [d] => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(day) if day.year() < 3000 => Ok(day),
            Ok(_) => Err(format!(
                "`{d}` is too far ahead: pick a date before 3000-01-01."
            )),
            Err(_) => Err(format!("`{}` is not a date like 2026-12-31.", truncate(d))),
        },
        _ => Err("Give the end date like 2026-12-31.".into()),
    }
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
