//! `/team`, `/team create NAME PLAN SEATS [manager @member]`, `/team renew`, `/team add @member` and
//! `/team remove @member` (the member may be replied to). Whether the asker may do it is the
//! engine's to check, which knows the teams and the operators.

use super::{Command, member_then_rest, member_token};
use crate::commands::TeamCommand;
use crate::teams::{MAX_SEATS, NAME_MAX_CHARS, normalize_name};
use steward_i18n::{Msg, msg};

pub(super) fn team(args: &[&str], is_reply: bool) -> Result<Command, Msg> {
    let command = match args {
        [] | ["show"] => TeamCommand::Show,
        ["create", name, plan, seats, rest @ ..] => TeamCommand::Create {
            name: normalize_name(name)
                .map_err(|_| msg!("parse-team-name", max = NAME_MAX_CHARS))?,
            plan: plan.to_lowercase(),
            seats: seats
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_SEATS).contains(n))
                .ok_or_else(|| msg!("parse-team-seats", max = MAX_SEATS))?,
            manager: match rest {
                [] => None,
                [word, who] if word.eq_ignore_ascii_case("manager") => Some(member_token(who)?),
                _ => return Err(msg!("parse-team-create")),
            },
        },
        ["create", ..] => return Err(msg!("parse-team-create")),
        ["renew"] => TeamCommand::Renew,
        [action @ ("add" | "remove"), rest @ ..] => {
            let (who, rest) = member_then_rest(rest, is_reply)?;
            if !rest.is_empty() {
                return Err(msg!("parse-team-member"));
            }
            if *action == "add" {
                TeamCommand::Add { who }
            } else {
                TeamCommand::Remove { who }
            }
        }
        _ => return Err(msg!("parse-team")),
    };
    Ok(Command::Team(command))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_is_made_with_a_name_a_plan_and_seats() {
        assert_eq!(
            team(&["create", "Acme", "Pro-Team", "5"], false),
            Ok(Command::Team(TeamCommand::Create {
                name: "Acme".into(),
                plan: "pro-team".into(),
                seats: 5,
                manager: None,
            }))
        );
        assert_eq!(
            team(
                &["create", "Acme", "pro-team", "5", "manager", "@Bob"],
                false
            ),
            Ok(Command::Team(TeamCommand::Create {
                name: "Acme".into(),
                plan: "pro-team".into(),
                seats: 5,
                manager: Some("Bob".into()),
            }))
        );
    }

    #[test]
    fn seats_must_be_a_count_in_range() {
        for seats in ["0", "-1", "1001", "five", "99999999999"] {
            assert_eq!(
                team(&["create", "Acme", "pro-team", seats], false),
                Err(msg!("parse-team-seats", max = MAX_SEATS)),
                "{seats}"
            );
        }
    }

    #[test]
    fn add_and_remove_name_one_member_or_the_replied_one() {
        assert_eq!(
            team(&["add", "@Ann"], false),
            Ok(Command::Team(TeamCommand::Add {
                who: Some("Ann".into())
            }))
        );
        assert_eq!(
            team(&["remove"], true),
            Ok(Command::Team(TeamCommand::Remove { who: None }))
        );
        assert_eq!(team(&["remove"], false), Err(msg!("parse-member-missing")));
        assert_eq!(
            team(&["add", "@Ann", "@Bob"], false),
            Err(msg!("parse-team-member"))
        );
    }
}
