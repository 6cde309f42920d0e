//! `/subscribe PLAN [CODE]`, `/subscription [cancel]` and `/payments [@member] | /payments refund ID`,
//! with the words of every locale (`/subscription 取消`).

use super::{Command, optional_member};
use crate::payments::promo::normalize_code;
use crate::words::Word;
use steward_i18n::Msg;
use steward_i18n::msg;

/// Longest plan id typed.
const MAX_PLAN: usize = 64;

pub(super) fn subscribe(args: &[&str]) -> Result<Command, Msg> {
    let (plan, code) = match args {
        [plan] => (plan, None),
        [plan, code] => (
            plan,
            Some(normalize_code(code).map_err(|_| msg!("parse-promo-code"))?),
        ),
        _ => return Err(msg!("parse-plan-one")),
    };
    if plan.chars().count() > MAX_PLAN {
        return Err(msg!("parse-plan-one"));
    }
    Ok(Command::Subscribe {
        plan: plan.to_lowercase(),
        code,
    })
}

pub(super) fn subscription(args: &[&str]) -> Result<Command, Msg> {
    match args {
        [] => Ok(Command::Subscription { cancel: false }),
        [word] if Word::Cancel.is(word) => Ok(Command::Subscription { cancel: true }),
        _ => Err(msg!("parse-subscription-cancel")),
    }
}

pub(super) fn payments(args: &[&str]) -> Result<Command, Msg> {
    match args {
        [word, rest @ ..] if Word::Refund.is(word) => match rest {
            [id] => id
                .trim_start_matches('#')
                .parse::<i64>()
                .ok()
                .filter(|n| *n > 0)
                .map(|id| Command::PaymentRefund { id })
                .ok_or_else(|| msg!("parse-payment-id")),
            _ => Err(msg!("parse-payment-id")),
        },
        // `/payments list [@member]`, as Discord's form writes it back.
        [word, rest @ ..] if *word == "list" => Ok(Command::Payments {
            who: optional_member(rest)?,
        }),
        _ => Ok(Command::Payments {
            who: optional_member(args)?,
        }),
    }
}
