//! `/ask TITLE [bounty N]` (or `/ask` replying to the message that asks), `/accept` (replying
//! to an answer, or `/accept [QUESTION] @member`) and `/questions [open|mine|tag X]`. Whether
//! the title reads and who may accept are decided elsewhere (`questions`, the engine).

use super::{Command, MAX_AMOUNT, member_token};
use crate::commands::QuestionsFilter;
use crate::tags::tag;
use steward_i18n::{Msg, msg};

/// `raw` is the text after `/ask` as typed; a trailing `bounty N` offers N points.
pub(super) fn ask(raw: &str, is_reply: bool) -> Result<Command, Msg> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let (title, bounty) = match words.as_slice() {
        [.., word, amount] if word.eq_ignore_ascii_case("bounty") => {
            let bounty = amount
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=MAX_AMOUNT).contains(n))
                .ok_or_else(|| msg!("parse-ask-bounty", max = MAX_AMOUNT))?;
            let cut = raw.rfind(word).unwrap_or(raw.len());
            (raw[..cut].trim(), bounty)
        }
        _ => (raw.trim(), 0),
    };
    if title.is_empty() && !is_reply {
        return Err(msg!("parse-ask"));
    }
    Ok(Command::Ask {
        title: title.to_owned(),
        bounty,
    })
}

pub(super) fn accept(args: &[&str], is_reply: bool) -> Result<Command, Msg> {
    let question = |word: &str| {
        word.trim_start_matches('#')
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| msg!("parse-accept"))
    };
    // With neither, the answer replied to (or, in a question's thread, the member a reply
    // names): the engine says what is missing when there is none.
    let (question, who) = match args {
        [] => (None, None),
        [who] if who.starts_with('@') || !is_reply && who.parse::<i64>().is_err() => {
            (None, Some(member_token(who)?))
        }
        [id] => (Some(question(id)?), None),
        [id, who] => (Some(question(id)?), Some(member_token(who)?)),
        _ => return Err(msg!("parse-accept")),
    };
    Ok(Command::Accept { question, who })
}

pub(super) fn questions(args: &[&str]) -> Result<Command, Msg> {
    let filter = match args {
        [] => QuestionsFilter::Latest,
        ["open"] => QuestionsFilter::Open,
        ["mine"] => QuestionsFilter::Mine,
        ["tag", word] => QuestionsFilter::Tag(tag(word)?),
        [word] if word.starts_with('#') => QuestionsFilter::Tag(tag(word)?),
        _ => return Err(msg!("parse-questions")),
    };
    Ok(Command::Questions(filter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_may_end_with_its_bounty() {
        assert_eq!(
            ask("Why is my  borrow  wrong? #rust bounty 20", false),
            Ok(Command::Ask {
                title: "Why is my  borrow  wrong? #rust".into(),
                bounty: 20
            })
        );
        assert_eq!(
            ask("What is a bounty?", false),
            Ok(Command::Ask {
                title: "What is a bounty?".into(),
                bounty: 0
            })
        );
        assert_eq!(
            ask("x bounty -5", false),
            Err(msg!("parse-ask-bounty", max = MAX_AMOUNT))
        );
        assert_eq!(ask("", false), Err(msg!("parse-ask")));
        // Replying to the message that asks: its words are the title.
        assert_eq!(
            ask("bounty 5", true),
            Ok(Command::Ask {
                title: String::new(),
                bounty: 5
            })
        );
    }

    #[test]
    fn accept_names_the_answer_by_reply_or_by_member() {
        assert_eq!(
            accept(&[], true),
            Ok(Command::Accept {
                question: None,
                who: None
            })
        );
        assert_eq!(
            accept(&["seven", "bob", "x"], false),
            Err(msg!("parse-accept"))
        );
        assert_eq!(
            accept(&["#7", "@bob"], false),
            Ok(Command::Accept {
                question: Some(7),
                who: Some("bob".into())
            })
        );
        assert_eq!(
            accept(&["@bob"], false),
            Ok(Command::Accept {
                question: None,
                who: Some("bob".into())
            })
        );
        assert_eq!(accept(&["seven", "@bob"], false), Err(msg!("parse-accept")));
    }

    #[test]
    fn questions_are_listed_latest_open_mine_or_by_tag() {
        assert_eq!(
            questions(&[]),
            Ok(Command::Questions(QuestionsFilter::Latest))
        );
        assert_eq!(
            questions(&["tag", "#Rust"]),
            Ok(Command::Questions(QuestionsFilter::Tag("rust".into())))
        );
        assert_eq!(
            questions(&["all", "of", "them"]),
            Err(msg!("parse-questions"))
        );
    }
}
