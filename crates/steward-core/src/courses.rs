//! Learning progress through a course: how far a member is, the next lesson, and the bar that
//! shows it. Pure: the lessons come in order, what the member did as a set.

use std::collections::HashSet;

/// Cells in a progress bar.
pub const BAR_CELLS: usize = 10;

/// A member's way through one course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// The first lesson in order not done yet.
    pub next: Option<i64>,
}

impl Progress {
    #[must_use]
    pub fn of(lessons: &[i64], done: &HashSet<i64>) -> Self {
        Self {
            done: lessons.iter().filter(|l| done.contains(l)).count(),
            total: lessons.len(),
            next: lessons.iter().copied().find(|l| !done.contains(l)),
        }
    }

    /// Every lesson done (a course with none is not finished).
    #[must_use]
    pub fn finished(&self) -> bool {
        self.total > 0 && self.done == self.total
    }

    /// `▓▓▓▓░░░░░░`: one cell per tenth, rounded down, so a bar is full only when finished.
    #[must_use]
    pub fn bar(&self) -> String {
        let filled = (self.done * BAR_CELLS)
            .checked_div(self.total)
            .unwrap_or(0)
            .min(BAR_CELLS);
        "▓".repeat(filled) + &"░".repeat(BAR_CELLS - filled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_lessons_in_order_and_names_the_first_not_done() {
        let lessons = [12, 14, 20];
        let done: HashSet<i64> = [14, 99].into_iter().collect();
        let p = Progress::of(&lessons, &done);
        assert_eq!((p.done, p.total, p.next), (1, 3, Some(12)));
        assert_eq!(p.bar(), "▓▓▓░░░░░░░");
        assert!(!p.finished());
        let all: HashSet<i64> = lessons.into_iter().collect();
        let p = Progress::of(&lessons, &all);
        assert!(p.finished());
        assert_eq!(p.next, None);
        assert_eq!(p.bar(), "▓".repeat(10));
        let empty = Progress::of(&[], &all);
        assert!(!empty.finished());
        assert_eq!(empty.bar(), "░".repeat(10));
    }
}
