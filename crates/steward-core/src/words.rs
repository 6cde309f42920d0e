//! Words members may type for an argument, in every language Steward speaks. Each locale lists
//! them under a `…-word-…` key, comma-separated (`parse-word-board-week = 本周, 周榜`), so a
//! member may write `/leaderboard 周榜` for `/leaderboard week` or `30天` for `30d`. Every
//! locale's words are accepted whatever the member's language, and a new locale brings its own.

use std::sync::LazyLock;

use steward_i18n::Lang;

/// A word with a meaning in a command's arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    BoardAll,
    BoardWeek,
    BoardMonth,
    BoardSeason,
    Hide,
    Show,
    Export,
    Erase,
    Confirm,
    EndMemberships,
    Card,
    Cancel,
    Refund,
    Logout,
    Lifetime,
    Seconds,
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

impl Word {
    pub const ALL: [Word; 22] = [
        Self::BoardAll,
        Self::BoardWeek,
        Self::BoardMonth,
        Self::BoardSeason,
        Self::Hide,
        Self::Show,
        Self::Export,
        Self::Erase,
        Self::Confirm,
        Self::EndMemberships,
        Self::Card,
        Self::Cancel,
        Self::Refund,
        Self::Logout,
        Self::Lifetime,
        Self::Seconds,
        Self::Minutes,
        Self::Hours,
        Self::Days,
        Self::Weeks,
        Self::Months,
        Self::Years,
    ];

    /// The locale key that lists this word's spellings.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::BoardAll => "parse-word-board-all",
            Self::BoardWeek => "parse-word-board-week",
            Self::BoardMonth => "parse-word-board-month",
            Self::BoardSeason => "parse-word-board-season",
            Self::Hide => "parse-word-privacy-hide",
            Self::Show => "parse-word-privacy-show",
            Self::Export => "parse-word-privacy-export",
            Self::Erase => "parse-word-privacy-delete",
            Self::Confirm => "parse-word-confirm",
            Self::EndMemberships => "parse-word-end-memberships",
            Self::Card => "parse-word-rank-card",
            Self::Cancel => "parse-word-cancel",
            Self::Refund => "parse-word-refund",
            Self::Logout => "parse-word-web-logout",
            Self::Lifetime => "duration-word-lifetime",
            Self::Seconds => "duration-word-seconds",
            Self::Minutes => "duration-word-minutes",
            Self::Hours => "duration-word-hours",
            Self::Days => "duration-word-days",
            Self::Weeks => "duration-word-weeks",
            Self::Months => "duration-word-months",
            Self::Years => "duration-word-years",
        }
    }

    /// Whether `typed` spells this word in some locale, ignoring case and surrounding spaces.
    #[must_use]
    pub fn is(self, typed: &str) -> bool {
        let typed = typed.trim().to_lowercase();
        SPELLINGS
            .iter()
            .find(|(word, _)| *word == self)
            .is_some_and(|(_, spellings)| spellings.contains(&typed))
    }

    /// The first of `among` that `typed` spells.
    #[must_use]
    pub fn find(typed: &str, among: &[Word]) -> Option<Word> {
        among.iter().copied().find(|word| word.is(typed))
    }

    /// Every spelling of this word, in every locale, lower-cased.
    #[must_use]
    pub fn spellings(self) -> Vec<String> {
        Lang::all()
            .flat_map(|lang| {
                steward_i18n::render(lang, self.key(), &[])
                    .split(',')
                    .map(|w| w.trim().to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

/// Each word's spellings, read from the locales once.
static SPELLINGS: LazyLock<Vec<(Word, Vec<String>)>> = LazyLock::new(|| {
    Word::ALL
        .iter()
        .map(|word| (*word, word.spellings()))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_listed_in_every_locale() {
        for word in Word::ALL {
            for lang in Lang::all() {
                let listed = steward_i18n::render(lang, word.key(), &[]);
                assert_ne!(listed, word.key(), "{lang} lacks {}", word.key());
            }
        }
    }

    #[test]
    fn no_spelling_means_two_words() {
        let mut seen: Vec<(String, Word)> = Vec::new();
        for word in Word::ALL {
            for spelling in word.spellings() {
                if let Some((_, other)) = seen.iter().find(|(s, w)| *s == spelling && *w != word) {
                    panic!("`{spelling}` spells both {word:?} and {other:?}");
                }
                seen.push((spelling, word));
            }
        }
    }

    #[test]
    fn english_and_chinese_spellings_both_count() {
        assert!(Word::BoardWeek.is("week"));
        assert!(Word::BoardWeek.is("WEEK"));
        assert!(Word::BoardWeek.is("周榜"));
        assert!(!Word::BoardWeek.is("月榜"));
        assert_eq!(
            Word::find("公开", &[Word::Hide, Word::Show]),
            Some(Word::Show)
        );
        assert_eq!(Word::find("maybe", &[Word::Hide, Word::Show]), None);
    }
}
