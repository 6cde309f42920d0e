//! Thanks between members: who may thank whom, how often, and for how much. One set of limits
//! serves both `/thanks` and thanks-word replies, so the two never pay twice.

use std::fmt;
use unicode_normalization::UnicodeNormalization;

use steward_i18n::msg;
use steward_i18n::{Lang, Msg};

/// Knobs for thanks.
#[derive(Debug, Clone)]
pub struct ThanksRules {
    pub xp: i64,
    pub per_giver_per_day: u32,
    /// Reply texts that count as thanks, compared case-insensitively after trimming.
    pub words: Vec<String>,
}

/// The default thanks words: every locale's `parse-word-thanks`, so a Chinese member's `谢谢`
/// counts in any community, and a new locale brings its own.
impl Default for ThanksRules {
    fn default() -> Self {
        let mut words: Vec<String> = Lang::all()
            .flat_map(|lang| {
                steward_i18n::render(lang, "parse-word-thanks", &[])
                    .split(',')
                    .map(|w| w.trim().to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect();
        words.sort();
        words.dedup();
        Self {
            xp: 10,
            per_giver_per_day: 5,
            words,
        }
    }
}

/// What the store knows about a thanks being attempted.
#[derive(Debug, Clone, Copy)]
pub struct ThanksFacts {
    pub to_self: bool,
    pub to_bot: bool,
    pub given_today: u32,
    pub pair_today: bool,
}

/// Why a thanks was refused; [`ThanksRefusal::msg`] is the sentence the giver sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThanksRefusal {
    ToSelf,
    ToBot,
    DailyLimit(u32),
    AlreadyToday,
}

impl ThanksRefusal {
    /// What the giver reads, in their language once rendered.
    #[must_use]
    pub fn msg(self) -> Msg {
        match self {
            Self::ToSelf => msg!("thanks-refused-self"),
            Self::ToBot => msg!("thanks-refused-bot"),
            Self::DailyLimit(limit) => msg!("thanks-refused-daily-limit", limit = limit),
            Self::AlreadyToday => msg!("thanks-refused-already-today"),
        }
    }
}

/// English, for logs and tests.
impl fmt::Display for ThanksRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.msg().fmt(f)
    }
}

impl std::error::Error for ThanksRefusal {}

impl ThanksRules {
    /// The XP the helper receives, or why not.
    pub fn decide(&self, facts: ThanksFacts) -> Result<i64, ThanksRefusal> {
        if facts.to_self {
            return Err(ThanksRefusal::ToSelf);
        }
        if facts.to_bot {
            return Err(ThanksRefusal::ToBot);
        }
        if facts.pair_today {
            return Err(ThanksRefusal::AlreadyToday);
        }
        if facts.given_today >= self.per_giver_per_day {
            return Err(ThanksRefusal::DailyLimit(self.per_giver_per_day));
        }
        Ok(self.xp)
    }

    /// Whether a reply's text is a thanks word ("+1", "Thanks!").
    #[must_use]
    pub fn is_thanks_word(&self, text: &str) -> bool {
        // NFKC: a Chinese keyboard's full-width 谢谢！ is 谢谢!.
        let folded: String = text.nfkc().collect();
        let cleaned = folded
            .trim()
            .trim_end_matches(['!', '.', '🙏', ' '])
            .to_lowercase();
        !cleaned.is_empty() && self.words.iter().any(|w| w.to_lowercase() == cleaned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> ThanksFacts {
        ThanksFacts {
            to_self: false,
            to_bot: false,
            given_today: 0,
            pair_today: false,
        }
    }

    #[test]
    fn a_fresh_thanks_pays_the_configured_xp() {
        assert_eq!(ThanksRules::default().decide(facts()), Ok(10));
    }

    #[test]
    fn limits_refuse_with_a_reason() {
        let rules = ThanksRules::default();
        assert_eq!(
            rules.decide(ThanksFacts {
                to_self: true,
                ..facts()
            }),
            Err(ThanksRefusal::ToSelf)
        );
        assert_eq!(
            rules.decide(ThanksFacts {
                to_bot: true,
                ..facts()
            }),
            Err(ThanksRefusal::ToBot)
        );
        assert_eq!(
            rules.decide(ThanksFacts {
                pair_today: true,
                ..facts()
            }),
            Err(ThanksRefusal::AlreadyToday)
        );
        assert_eq!(
            rules.decide(ThanksFacts {
                given_today: 5,
                ..facts()
            }),
            Err(ThanksRefusal::DailyLimit(5))
        );
    }

    #[test]
    fn refusals_read_in_the_givers_language() {
        let zh = steward_i18n::Lang::from_code("zh-CN").expect("zh-CN is compiled in");
        assert_eq!(
            ThanksRefusal::DailyLimit(5).to_string(),
            "You've given all 5 thanks for today; more open tomorrow."
        );
        assert_eq!(
            ThanksRefusal::DailyLimit(5).msg().render(zh),
            "今天的 5 次感谢已经用完了，明天再来吧。"
        );
        assert_eq!(ThanksRefusal::ToSelf.msg().render(zh), "不能感谢自己。");
    }

    #[test]
    fn thanks_words_match_loosely_but_not_inside_sentences() {
        let rules = ThanksRules::default();
        assert!(rules.is_thanks_word("+1"));
        assert!(rules.is_thanks_word("  Thanks! "));
        assert!(rules.is_thanks_word("谢谢"));
        assert!(rules.is_thanks_word("多谢"));
        assert!(rules.is_thanks_word("谢谢！"), "a full-width mark");
        assert!(rules.is_thanks_word("＋１"), "full-width +1");
        assert!(!rules.is_thanks_word("thanks but this is wrong"));
        assert!(!rules.is_thanks_word(""));
    }
}
