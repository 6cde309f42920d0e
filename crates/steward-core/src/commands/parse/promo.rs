//! `/promo create CODE PLAN (percent N | price N) [until YYYY-MM-DD] [uses N]
//! [first-term-only]`, `/promo list` and `/promo end CODE` (operators). Whether the discount
//! fits the plan is the engine's to check, which knows the plans.

use super::Command;
use super::ranking::date;
use crate::commands::{PromoCommand, PromoDraft};
use crate::payments::promo::{Discount, normalize_code};
use steward_i18n::{Msg, msg};

/// The clause that makes a discount first-term-only.
const FIRST_TERM_ONLY: &str = "first-term-only";

pub(super) fn promo(args: &[&str]) -> Result<Command, Msg> {
    let command = match args {
        [] | ["list"] => PromoCommand::List,
        ["end", code] => PromoCommand::End {
            code: code_of(code)?,
        },
        ["end", ..] => return Err(msg!("parse-promo-code")),
        ["create", code, plan, clauses @ ..] => PromoCommand::Create(draft(code, plan, clauses)?),
        ["create", ..] => return Err(msg!("parse-promo-create")),
        _ => return Err(msg!("parse-promo")),
    };
    Ok(Command::Promo(command))
}

fn code_of(word: &str) -> Result<String, Msg> {
    normalize_code(word).map_err(|_| msg!("parse-promo-code"))
}

fn draft(code: &str, plan: &str, mut clauses: &[&str]) -> Result<PromoDraft, Msg> {
    let mut draft = PromoDraft {
        code: code_of(code)?,
        plan: plan.to_lowercase(),
        discount: Discount::Percent(0),
        until: None,
        uses: None,
        first_term_only: false,
    };
    let mut discount = None;
    while let [word, rest @ ..] = clauses {
        let word = word.to_lowercase();
        clauses = rest;
        if word == FIRST_TERM_ONLY {
            draft.first_term_only = true;
            continue;
        }
        let [value, rest @ ..] = clauses else {
            return Err(msg!("parse-promo-create"));
        };
        clauses = rest;
        match word.as_str() {
            "percent" if discount.is_none() => {
                let off = value
                    .trim_end_matches('%')
                    .parse::<u8>()
                    .ok()
                    .filter(|n| (1..=99).contains(n))
                    .ok_or_else(|| msg!("parse-promo-percent"))?;
                discount = Some(Discount::Percent(off));
            }
            "price" if discount.is_none() => {
                let stars = value
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=10_000).contains(n))
                    .ok_or_else(|| msg!("parse-promo-price"))?;
                discount = Some(Discount::Stars(stars));
            }
            "until" if draft.until.is_none() => draft.until = Some(date(&[value])?),
            "uses" if draft.uses.is_none() => {
                draft.uses = Some(
                    value
                        .parse::<u32>()
                        .ok()
                        .filter(|n| (1..=1_000_000).contains(n))
                        .ok_or_else(|| msg!("parse-promo-uses"))?,
                );
            }
            _ => return Err(msg!("parse-promo-create")),
        }
    }
    draft.discount = discount.ok_or_else(|| msg!("parse-promo-create"))?;
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn create(line: &str) -> Result<PromoDraft, Msg> {
        let words: Vec<&str> = line.split_whitespace().collect();
        match promo(&words)? {
            Command::Promo(PromoCommand::Create(draft)) => Ok(draft),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_promo_is_written_with_its_clauses_in_any_order() {
        let draft = create(
            "create spring-25 Pro-Month uses 100 percent 20% first-term-only until 2027-03-31",
        )
        .unwrap();
        assert_eq!(
            draft,
            PromoDraft {
                code: "SPRING-25".into(),
                plan: "pro-month".into(),
                discount: Discount::Percent(20),
                until: NaiveDate::from_ymd_opt(2027, 3, 31),
                uses: Some(100),
                first_term_only: true,
            }
        );
        assert_eq!(
            create("create vip pro price 250").unwrap().discount,
            Discount::Stars(250)
        );
    }

    #[test]
    fn a_promo_needs_exactly_one_discount_within_bounds() {
        for line in [
            "create spring pro",
            "create spring pro percent 0",
            "create spring pro percent 100",
            "create spring pro price 0",
            "create spring pro percent 10 price 5",
            "create spring pro percent 10 uses 0",
            "create spring pro percent 10 until someday",
            "create spring pro percent",
            "create s! pro percent 10",
        ] {
            assert!(create(line).is_err(), "{line}");
        }
    }

    #[test]
    fn list_and_end_name_a_code() {
        assert_eq!(promo(&[]), Ok(Command::Promo(PromoCommand::List)));
        assert_eq!(
            promo(&["end", "spring"]),
            Ok(Command::Promo(PromoCommand::End {
                code: "SPRING".into()
            }))
        );
        assert!(promo(&["end"]).is_err());
        assert!(promo(&["delete", "spring"]).is_err());
    }
}
