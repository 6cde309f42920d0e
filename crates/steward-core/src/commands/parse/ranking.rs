//! `/leaderboard [all|week|month|season [NAME]] [PAGE]` and the operators' `/season start NAME
//! [until YYYY-MM-DD] | end`.

use chrono::{Datelike, NaiveDate};

use super::{Command, joined, truncate};
use crate::commands::BoardArg;
use crate::words::Word;
use steward_i18n::{Msg, msg};

/// Longest season name.
const MAX_SEASON_NAME: usize = 64;

pub(super) fn leaderboard(args: &[&str]) -> Result<Command, Msg> {
    let (page, words) = match args.split_last() {
        Some((last, rest)) if last.chars().all(|c| c.is_ascii_digit()) => {
            let page = last
                .parse::<u32>()
                .ok()
                .filter(|p| (1..=100_000).contains(p))
                .ok_or_else(|| msg!("parse-page-invalid"))?;
            (page, rest)
        }
        _ => (1, args),
    };
    let periods = [
        Word::BoardAll,
        Word::BoardWeek,
        Word::BoardMonth,
        Word::BoardSeason,
    ];
    let board = match words.split_first() {
        None => BoardArg::All,
        Some((period, rest)) => match (Word::find(period, &periods), rest) {
            (Some(Word::BoardAll), []) => BoardArg::All,
            (Some(Word::BoardWeek), []) => BoardArg::Week,
            (Some(Word::BoardMonth), []) => BoardArg::Month,
            (Some(Word::BoardSeason), _) => BoardArg::Season(joined(rest)),
            _ => return Err(msg!("parse-board-invalid")),
        },
    };
    Ok(Command::Leaderboard { board, page })
}

pub(super) fn season(args: &[&str]) -> Result<Command, Msg> {
    match args.split_first() {
        Some((action, rest)) if action.eq_ignore_ascii_case("start") => {
            let until_at = rest.iter().position(|w| w.eq_ignore_ascii_case("until"));
            let (name_words, until) = match until_at {
                Some(i) => (&rest[..i], Some(date(&rest[i + 1..])?)),
                None => (rest, None),
            };
            let name = name_words.join(" ");
            if name.is_empty() || name.chars().count() > MAX_SEASON_NAME {
                return Err(msg!("parse-season-name-length", max = MAX_SEASON_NAME));
            }
            Ok(Command::SeasonStart { name, until })
        }
        Some((action, [])) if action.eq_ignore_ascii_case("end") => Ok(Command::SeasonEnd),
        _ => Err(msg!("parse-season-action")),
    }
}

/// A day of this millennium's next thousand years: later ones would print as `+10000-01-01`
/// once a day is added, and no season runs that long.
pub(super) fn date(words: &[&str]) -> Result<NaiveDate, Msg> {
    match words {
        [d] => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(day) if day.year() < 3000 => Ok(day),
            Ok(_) => Err(msg!("parse-date-too-far", date = *d)),
            Err(_) => Err(msg!("parse-date-invalid", word = truncate(d))),
        },
        _ => Err(msg!("parse-date-missing")),
    }
}
