//! The operators' `/member grant|extend @member TIER TERM | revoke @member [TIER] | list
//! [TIER]`; in a reply the member may be left out.

use super::{Command, member_token, truncate};
use crate::duration::parse_term;
use steward_i18n::{Msg, msg};

pub(super) fn member(args: &[&str], is_reply: bool) -> Result<Command, Msg> {
    let Some((action, rest)) = args.split_first() else {
        return Err(msg!("parse-member-action-missing"));
    };
    let action = action.to_lowercase();
    match action.as_str() {
        "grant" | "extend" => {
            let (who, tier, term) = match rest {
                [tier, term] if is_reply && !tier.starts_with('@') => (None, *tier, *term),
                [who, tier, term] => (Some(member_token(who)?), *tier, *term),
                _ => return Err(msg!("parse-member-grant-args")),
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
            _ => Err(msg!("parse-member-revoke-args")),
        },
        "list" => match rest {
            [] => Ok(Command::MemberList { tier: None }),
            [tier] => Ok(Command::MemberList {
                tier: Some(tier.to_lowercase()),
            }),
            _ => Err(msg!("parse-member-list-args")),
        },
        other => Err(msg!("parse-member-action-invalid", word = truncate(other))),
    }
}
