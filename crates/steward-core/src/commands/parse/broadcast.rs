//! `/broadcast SEGMENT TEXT`, `/broadcast status ID` (operators) and `/broadcasts on|off`
//! (members). The text keeps its lines as typed; the segment is checked by the engine, which
//! knows the tiers.

use super::Command;
use crate::names::is_blank;
use steward_i18n::Msg;
use steward_i18n::msg;

/// Longest broadcast: one Discord message (2,000 characters), so it is never cut.
pub const MAX_BROADCAST: usize = 2_000;

pub(super) fn broadcast(raw_args: &str) -> Result<Command, Msg> {
    let raw = raw_args.trim_start();
    let (first, rest) = raw.split_once(char::is_whitespace).unwrap_or((raw, ""));
    if first.eq_ignore_ascii_case("status") {
        let id = rest
            .trim()
            .trim_start_matches('#')
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| msg!("parse-broadcast-id"))?;
        return Ok(Command::BroadcastStatus { id });
    }
    // `/broadcast send SEGMENT TEXT`, as Discord's form writes it back.
    let (segment, text) = if first.eq_ignore_ascii_case("send") {
        let rest = rest.trim_start();
        rest.split_once(char::is_whitespace).unwrap_or((rest, ""))
    } else {
        (first, rest)
    };
    let text = text.trim();
    if segment.is_empty() || is_blank(text) {
        return Err(msg!("parse-broadcast"));
    }
    if text.chars().count() > MAX_BROADCAST {
        return Err(msg!("parse-broadcast-long", max = MAX_BROADCAST));
    }
    Ok(Command::Broadcast {
        segment: segment.chars().take(64).collect::<String>().to_lowercase(),
        text: text.to_owned(),
    })
}

pub(super) fn broadcasts(args: &[&str]) -> Result<Command, Msg> {
    match args {
        [word] if word.eq_ignore_ascii_case("off") => Ok(Command::BroadcastsOff { off: true }),
        [word] if word.eq_ignore_ascii_case("on") => Ok(Command::BroadcastsOff { off: false }),
        _ => Err(msg!("parse-broadcasts")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broadcast_keeps_its_lines_and_status_takes_an_id() {
        assert_eq!(
            broadcast("at-risk Hello!\nSee you soon"),
            Ok(Command::Broadcast {
                segment: "at-risk".into(),
                text: "Hello!\nSee you soon".into()
            })
        );
        assert_eq!(
            broadcast("send Pro hi"),
            Ok(Command::Broadcast {
                segment: "pro".into(),
                text: "hi".into()
            })
        );
        assert_eq!(
            broadcast("status #7"),
            Ok(Command::BroadcastStatus { id: 7 })
        );
        assert!(broadcast("all").is_err());
        assert!(broadcast("status x").is_err());
        assert!(broadcast(&format!("all {}", "a".repeat(MAX_BROADCAST + 1))).is_err());
    }
}
