//! Questions with accepted answers: what a question's title may be and the tags its #hashtags
//! give, which tier a question asked in a chat belongs to, who may accept which answer, when a
//! bounty falls due to go back, and the medians the dashboard shows. Pure: no I/O.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use steward_i18n::{Msg, msg};

use crate::ids::{ChatRef, MemberId, Platform};
use crate::names::{clean_display_name, is_blank};
use crate::tags::{MAX_TAGS, tag};
use crate::tiers::TierDef;

/// The longest title, in characters: a question's first line, not its whole story.
pub const TITLE_MAX_CHARS: usize = 200;

/// The most of an answer kept to show on the web once accepted, in characters.
pub const ANSWER_MAX_CHARS: usize = 2000;

/// A question as asked: its title and the tags its #hashtags name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub title: String,
    pub tags: Vec<String>,
}

/// Reads a title: trimmed, without invisible formatting, something a reader can see, at most
/// [`TITLE_MAX_CHARS`]; each `#word` in it that is a valid tag tags the question (the first
/// [`MAX_TAGS`], each once).
pub fn asked(raw: &str) -> Result<Asked, Msg> {
    let title = clean_display_name(raw.trim()).trim().to_owned();
    if is_blank(&title) || title.chars().any(char::is_control) {
        return Err(msg!("question-title-empty"));
    }
    if title.chars().count() > TITLE_MAX_CHARS {
        return Err(msg!("question-title-long", max = TITLE_MAX_CHARS));
    }
    let mut tags: Vec<String> = Vec::new();
    let mut previous = None;
    for (at, c) in title.char_indices() {
        // `#` starts a tag after a space or punctuation (`？#rust`), not inside a word (`C#`).
        if c == '#' && !previous.is_some_and(char::is_alphanumeric) {
            let word: String = title[at + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '+'))
                .collect();
            if let Ok(tag) = tag(&word)
                && !tags.contains(&tag)
                && tags.len() < MAX_TAGS
            {
                tags.push(tag);
            }
        }
        previous = Some(c);
    }
    Ok(Asked { title, tags })
}

/// An answer's words as kept: without invisible formatting (a right-to-left override would
/// reorder the page that shows it), at most [`ANSWER_MAX_CHARS`], cut on a character boundary.
#[must_use]
pub fn kept_answer(text: &str) -> String {
    clean_display_name(text.trim())
        .chars()
        .take(ANSWER_MAX_CHARS)
        .collect()
}

/// The tier a question asked in `chat` belongs to: the lowest-ranked tier that gates the chat,
/// through a named channel its gated drops go to or the private Telegram chat it gives. `None`: the chat is everyone's, and so is the question.
#[must_use]
pub fn tier_of_chat(
    chat: &ChatRef,
    tiers: &[TierDef],
    channels: &BTreeMap<String, Vec<ChatRef>>,
) -> Option<String> {
    let same = |c: &ChatRef| c.platform == chat.platform && c.chat_id == chat.chat_id;
    tiers
        .iter()
        .filter(|tier| {
            let by_channel = tier
                .gated_channels
                .iter()
                .filter_map(|name| channels.get(name))
                .flatten()
                .any(same);
            // Only a Telegram grant is a chat; on Discord a tier gives roles, whose ids say
            // nothing of a channel.
            let by_access = chat.platform == Platform::Telegram
                && tier.access.on(chat.platform).any(|id| id == chat.chat_id);
            by_channel || by_access
        })
        .min_by_key(|tier| tier.rank)
        .map(|tier| tier.id.clone())
}

/// Where a question's bounty is: there is none, it is held from the asker's points, it was paid
/// to the accepted answerer, or it went back to the asker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BountyState {
    None,
    Held,
    Paid,
    Returned,
}

impl BountyState {
    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Held => "held",
            Self::Paid => "paid",
            Self::Returned => "returned",
        }
    }

    /// A stored name read back; anything unknown reads as no bounty.
    #[must_use]
    pub fn parse(s: &str) -> Self {
        [Self::Held, Self::Paid, Self::Returned]
            .into_iter()
            .find(|b| b.as_str() == s)
            .unwrap_or(Self::None)
    }
}

/// What deciding an acceptance needs to know of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acceptable {
    pub asker: MemberId,
    pub accepted: bool,
}

/// Why an answer cannot be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptRefusal {
    /// An answer was accepted already: each question accepts once.
    AlreadyAccepted,
    /// Only the asker (or an operator) accepts.
    NotTheAsker,
    /// The asker's own words are not an answer that earns anything.
    OwnAnswer,
}

/// Whether `by` (an operator when `operator`) may accept `answerer`'s answer to `question`.
pub fn may_accept(
    question: Acceptable,
    by: MemberId,
    operator: bool,
    answerer: MemberId,
) -> Result<(), AcceptRefusal> {
    if question.accepted {
        return Err(AcceptRefusal::AlreadyAccepted);
    }
    if answerer == question.asker {
        return Err(AcceptRefusal::OwnAnswer);
    }
    if by != question.asker && !operator {
        return Err(AcceptRefusal::NotTheAsker);
    }
    Ok(())
}

/// When a bounty on a question asked at `asked_at` goes back to its asker if no answer was
/// accepted by then.
#[must_use]
pub fn bounty_returns_at(asked_at: DateTime<Utc>, bounty_days: u32) -> DateTime<Utc> {
    asked_at + Duration::days(i64::from(bounty_days))
}

/// When a question was asked, first answered and accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionTimes {
    pub asked_at: DateTime<Utc>,
    pub first_answer_at: Option<DateTime<Utc>>,
    pub accepted_at: Option<DateTime<Utc>>,
}

/// What the dashboard shows of the questions asked in a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuestionFigures {
    pub asked: usize,
    /// Questions with at least one answer.
    pub answered: usize,
    pub accepted: usize,
    /// Median minutes from asking to the first answer, and to the acceptance.
    pub to_first_answer_mins: Option<i64>,
    pub to_acceptance_mins: Option<i64>,
}

/// The figures of the questions `times` describes.
#[must_use]
pub fn figures(times: &[QuestionTimes]) -> QuestionFigures {
    let minutes =
        |to: Option<DateTime<Utc>>, from: DateTime<Utc>| to.map(|to| (to - from).num_minutes());
    let first: Vec<i64> = times
        .iter()
        .filter_map(|t| minutes(t.first_answer_at, t.asked_at))
        .collect();
    let accepted: Vec<i64> = times
        .iter()
        .filter_map(|t| minutes(t.accepted_at, t.asked_at))
        .collect();
    QuestionFigures {
        asked: times.len(),
        answered: first.len(),
        accepted: accepted.len(),
        to_first_answer_mins: median(first),
        to_acceptance_mins: median(accepted),
    }
}

/// The median of `values` (the lower middle of an even count); `None` when there are none.
#[must_use]
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    Some(values[(values.len() - 1) / 2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PlatformGrant;
    use crate::tiers::TierAccess;

    const ASKER: MemberId = MemberId(1);
    const HELPER: MemberId = MemberId(2);
    const OTHER: MemberId = MemberId(3);

    #[test]
    fn a_title_keeps_its_words_and_tags_its_hashtags_once() {
        let question = asked("  How do I pin a future? #Rust #async, #rust  ").unwrap();
        assert_eq!(question.title, "How do I pin a future? #Rust #async, #rust");
        assert_eq!(question.tags, vec!["rust", "async"]);
        assert_eq!(asked("怎么写宏？#Rust").unwrap().tags, vec!["rust"]);
        assert!(asked("Learning C# or F#?").unwrap().tags.is_empty());
    }

    #[test]
    fn a_blank_invisible_or_long_title_is_refused() {
        assert_eq!(asked("  "), Err(msg!("question-title-empty")));
        assert_eq!(asked("\u{200b}\u{2066}"), Err(msg!("question-title-empty")));
        assert_eq!(
            asked(&"x".repeat(TITLE_MAX_CHARS + 1)),
            Err(msg!("question-title-long", max = TITLE_MAX_CHARS))
        );
        // A right-to-left override is taken out, not kept to reorder what others read.
        assert_eq!(asked("ab\u{202e}cd").unwrap().title, "abcd");
    }

    #[test]
    fn an_answer_is_kept_without_reordering_characters_and_within_its_length() {
        assert_eq!(kept_answer(" use \u{202e}Box::pin "), "use Box::pin");
        assert_eq!(
            kept_answer(&"答".repeat(ANSWER_MAX_CHARS + 5))
                .chars()
                .count(),
            ANSWER_MAX_CHARS
        );
    }

    #[test]
    fn only_the_asker_or_an_operator_accepts_someone_elses_answer_once() {
        let open = Acceptable {
            asker: ASKER,
            accepted: false,
        };
        assert_eq!(may_accept(open, ASKER, false, HELPER), Ok(()));
        assert_eq!(may_accept(open, OTHER, true, HELPER), Ok(()));
        assert_eq!(
            may_accept(open, OTHER, false, HELPER),
            Err(AcceptRefusal::NotTheAsker)
        );
        assert_eq!(
            may_accept(open, ASKER, false, ASKER),
            Err(AcceptRefusal::OwnAnswer)
        );
        let done = Acceptable {
            accepted: true,
            ..open
        };
        assert_eq!(
            may_accept(done, ASKER, true, HELPER),
            Err(AcceptRefusal::AlreadyAccepted)
        );
    }

    fn tier(id: &str, rank: u32, channels: &[&str], chats: &[&str]) -> TierDef {
        TierDef {
            id: id.into(),
            name: id.into(),
            rank,
            xp_multiplier: 1.0,
            daily_bonus: 0,
            access: TierAccess {
                grants: chats
                    .iter()
                    .map(|c| PlatformGrant {
                        platform: Platform::Telegram,
                        id: (*c).into(),
                    })
                    .collect(),
            },
            gated_channels: channels.iter().map(|c| (*c).into()).collect(),
            description: String::new(),
        }
    }

    #[test]
    fn a_question_asked_in_a_gated_chat_belongs_to_the_lowest_tier_that_sees_it() {
        let pro_room = ChatRef::group(Platform::Discord, "77");
        let channels = BTreeMap::from([("pro".to_owned(), vec![pro_room.clone()])]);
        let tiers = [
            tier("vip", 3, &["pro"], &[]),
            tier("pro", 2, &["pro"], &["-100"]),
        ];
        assert_eq!(
            tier_of_chat(&pro_room, &tiers, &channels).as_deref(),
            Some("pro")
        );
        let private_group = ChatRef::group(Platform::Telegram, "-100");
        assert_eq!(
            tier_of_chat(&private_group, &tiers, &channels).as_deref(),
            Some("pro")
        );
        let general = ChatRef::group(Platform::Discord, "78");
        assert_eq!(tier_of_chat(&general, &tiers, &channels), None);
    }

    #[test]
    fn the_figures_count_answered_and_accepted_questions_and_their_median_waits() {
        let at = |m: i64| DateTime::<Utc>::from_timestamp(m * 60, 0).unwrap();
        let times = [
            QuestionTimes {
                asked_at: at(0),
                first_answer_at: Some(at(10)),
                accepted_at: Some(at(60)),
            },
            QuestionTimes {
                asked_at: at(0),
                first_answer_at: Some(at(30)),
                accepted_at: None,
            },
            QuestionTimes {
                asked_at: at(5),
                first_answer_at: None,
                accepted_at: None,
            },
        ];
        assert_eq!(
            figures(&times),
            QuestionFigures {
                asked: 3,
                answered: 2,
                accepted: 1,
                to_first_answer_mins: Some(10),
                to_acceptance_mins: Some(60),
            }
        );
    }

    #[test]
    fn the_median_is_the_middle_value() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![30, 10, 20]), Some(20));
        assert_eq!(median(vec![40, 10, 30, 20]), Some(20));
    }
}
