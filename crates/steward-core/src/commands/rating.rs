//! The buttons under a delivered drop: five ratings (`rate:ID:STARS`) and, under a lesson,
//! "done" (`done:ID`); the id each platform attaches to a button and reading it back when
//! someone presses one. Both adapters use this one pair, so a button built on one side is
//! always understood on the other.

/// One button: these stars for this drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingButton {
    pub drop: i64,
    pub stars: u8,
}

const PREFIX: &str = "rate:";
const DONE_PREFIX: &str = "done:";

/// A pressed button under a drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropButton {
    Rate(RatingButton),
    /// "Done" under a lesson.
    Done {
        drop: i64,
    },
}

impl DropButton {
    /// The id of a lesson's "done" button.
    #[must_use]
    pub fn done_id(drop: i64) -> String {
        format!("{DONE_PREFIX}{drop}")
    }

    /// A pressed button's id; `None` for anything that is not a button Steward made.
    #[must_use]
    pub fn parse(id: &str) -> Option<Self> {
        if let Some(rating) = RatingButton::parse(id) {
            return Some(Self::Rate(rating));
        }
        let drop = number::<i64>(id.strip_prefix(DONE_PREFIX)?).filter(|d| *d > 0)?;
        Some(Self::Done { drop })
    }

    /// The command a press stands for, run as if the presser had typed it.
    #[must_use]
    pub fn command_line(&self) -> String {
        match self {
            Self::Rate(rating) => rating.command_line(),
            Self::Done { drop } => format!("/done {drop}"),
        }
    }
}

/// Digits only: `str::parse` would also take `+5`, which no button carries.
fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl RatingButton {
    /// The five buttons of one drop, 1 to 5 stars.
    pub fn row(drop: i64) -> impl Iterator<Item = Self> {
        (1..=5).map(move |stars| Self { drop, stars })
    }

    /// The id the platform sends back when the button is pressed.
    #[must_use]
    pub fn custom_id(&self) -> String {
        format!("{PREFIX}{}:{}", self.drop, self.stars)
    }

    /// A pressed button's id; `None` for anything that is not a rating button Steward made.
    #[must_use]
    pub fn parse(id: &str) -> Option<Self> {
        let (drop, stars) = id.strip_prefix(PREFIX)?.split_once(':')?;
        let drop = number::<i64>(drop).filter(|d| *d > 0)?;
        let stars = number::<u8>(stars).filter(|s| (1..=5).contains(s))?;
        Some(Self { drop, stars })
    }

    /// The command a press stands for, run as if the presser had typed it.
    #[must_use]
    pub fn command_line(&self) -> String {
        format!("/rate {} {}", self.drop, self.stars)
    }

    /// The button's caption, `4★`.
    #[must_use]
    pub fn label(&self) -> String {
        format!("{}★", self.stars)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::{Command, parse};

    #[test]
    fn a_button_id_reads_back_as_the_same_drop_and_stars() {
        for button in RatingButton::row(42) {
            assert_eq!(RatingButton::parse(&button.custom_id()), Some(button));
        }
        assert_eq!(
            RatingButton { drop: 7, stars: 4 }.custom_id(),
            "rate:7:4",
            "ids already on posted messages must keep working"
        );
    }

    #[test]
    fn a_done_button_reads_back_as_done_for_its_lesson() {
        let id = DropButton::done_id(12);
        assert_eq!(id, "done:12");
        assert_eq!(DropButton::parse(&id), Some(DropButton::Done { drop: 12 }));
        assert_eq!(DropButton::Done { drop: 12 }.command_line(), "/done 12");
        assert!(matches!(
            parse(&DropButton::Done { drop: 12 }.command_line(), false),
            Ok(Some(Command::Done { lesson: 12 }))
        ));
        for odd in ["done:", "done:0", "done:+3", "done:1:2", "done:x"] {
            assert_eq!(DropButton::parse(odd), None, "{odd}");
        }
        assert_eq!(
            DropButton::parse("rate:7:4"),
            Some(DropButton::Rate(RatingButton { drop: 7, stars: 4 }))
        );
    }

    #[test]
    fn a_drop_has_five_buttons_from_one_to_five_stars() {
        let labels: Vec<String> = RatingButton::row(1).map(|b| b.label()).collect();
        assert_eq!(labels, ["1★", "2★", "3★", "4★", "5★"]);
    }

    #[test]
    fn stars_outside_one_to_five_and_odd_ids_are_not_ratings() {
        for id in [
            "rate:1:0",
            "rate:1:6",
            "rate:1:-1",
            "rate:1:+5",
            "rate:1:",
            "rate:x:3",
            "rate::3",
            "rate:0:3",
            "rate:-2:3",
            "rate:+2:3",
            "rate:1:3:9",
            "rate:1",
            "vote:1:3",
            "",
            "rate:99999999999999999999:3",
        ] {
            assert_eq!(RatingButton::parse(id), None, "{id}");
        }
    }

    #[test]
    fn a_press_runs_the_rate_command_for_that_drop() {
        let button = RatingButton { drop: 12, stars: 5 };
        assert_eq!(
            parse(&button.command_line(), false),
            Ok(Some(Command::Rate { drop: 12, stars: 5 }))
        );
    }
}
