//! `/event create NAME START END [xp N] [tier TIER] [season] | join ID | list | checkin CODE | board ID`.
//! NAME is one word or a quoted phrase; START and END read like a drop's WHEN (`2026-12-05
//! 10:00`, `tomorrow 18:00`, `in 2h`).

use super::{Command, unknown_subcommand};
use crate::commands::{EventCommand, NewEvent};
use crate::drops::grammar::{drop_id, next_word};
use crate::drops::when::parse_when;
use steward_i18n::Msg;
use steward_i18n::msg;

/// Longest event name.
const MAX_NAME: usize = 64;

/// Most XP one check-in may pay.
const MAX_EVENT_XP: i64 = 100_000;

fn event_id(word: &str) -> Result<i64, Msg> {
    drop_id(word).map_err(|_| msg!("parse-event-id", word = word))
}

pub(super) fn event(raw_args: &str) -> Result<Command, Msg> {
    let words: Vec<&str> = raw_args.split_whitespace().collect();
    let command = match words.as_slice() {
        ["list"] => EventCommand::List,
        ["join", id] => EventCommand::Join(event_id(id)?),
        ["board", id] => EventCommand::Board(event_id(id)?),
        ["checkin", code] => EventCommand::CheckIn(code.to_uppercase()),
        ["create", ..] => {
            EventCommand::Create(create(raw_args.trim_start()["create".len()..].trim())?)
        }
        _ => return Err(unknown_subcommand("event", words.first().copied())),
    };
    Ok(Command::Event(command))
}

fn create(args: &str) -> Result<NewEvent, Msg> {
    let (name, rest) = next_word(args).ok_or_else(|| msg!("parse-event-create"))?;
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(msg!("parse-event-name", max = MAX_NAME));
    }
    // START and END may be quoted as the README writes them ("in 1m" "in 2h"): no WHEN word
    // holds a quote, so quotes only group.
    let unquoted = rest.replace(['"', '“', '”'], " ");
    let words: Vec<&str> = unquoted.split_whitespace().collect();
    let (starts, taken) = parse_when(&words)?;
    let (ends, taken_end) = parse_when(&words[taken..]).map_err(|_| msg!("parse-event-end"))?;
    let mut event = NewEvent {
        name,
        starts,
        ends,
        xp: None,
        tier: None,
        season: false,
    };
    let mut rest = &words[taken + taken_end..];
    loop {
        match rest {
            [] => break,
            ["xp", n, tail @ ..] if event.xp.is_none() => {
                let xp = n
                    .parse::<i64>()
                    .ok()
                    .filter(|xp| (0..=MAX_EVENT_XP).contains(xp))
                    .ok_or_else(|| msg!("parse-event-xp", max = MAX_EVENT_XP))?;
                event.xp = Some(xp);
                rest = tail;
            }
            ["season", tail @ ..] if !event.season => {
                event.season = true;
                rest = tail;
            }
            ["tier", tier, tail @ ..] if event.tier.is_none() => {
                event.tier = Some(tier.to_lowercase());
                rest = tail;
            }
            [word, ..] => return Err(msg!("parse-event-extra", word = *word)),
        }
    }
    Ok(event)
}
