//! Team seats: a plan bought (or granted) for a number of members at once, filled by the team's
//! manager. What a team's name may be, what it costs in Stars, whether a seat may be taken, who
//! may manage the team, and what its manager may see of the members in it: their learning
//! progress, nothing else.

use chrono::{DateTime, Utc};

use crate::ids::MemberId;
use crate::names::is_blank;
use crate::tiers::Membership;

/// The most seats one team may have.
pub const MAX_SEATS: u32 = 1000;

/// The longest team name, in characters.
pub const NAME_MAX_CHARS: usize = 32;

/// Telegram's largest Stars invoice: a team's price is one invoice.
pub const MAX_INVOICE_STARS: u64 = 10_000;

/// A team as its rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub plan: String,
    pub tier: String,
    pub seats: u32,
    pub manager: MemberId,
    /// `None` until paid.
    pub started_at: Option<DateTime<Utc>>,
    /// `None`: for life (once started).
    pub expires_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl Team {
    /// Whether its seats give its tier at `now`: paid (or granted), not ended, not expired.
    #[must_use]
    pub fn is_running(&self, now: DateTime<Utc>) -> bool {
        self.started_at.is_some()
            && self.ended_at.is_none()
            && self.expires_at.is_none_or(|end| end > now)
    }

    /// What one seat gives its holder: the team's tier until the team's end.
    #[must_use]
    pub fn seat_membership(&self) -> Membership {
        Membership {
            tier: self.tier.clone(),
            expires_at: self.expires_at,
        }
    }
}

/// Why a name is not a team's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadName;

/// A team's name as typed: trimmed, something a reader can see, at most `NAME_MAX_CHARS`, no
/// control characters.
pub fn normalize_name(raw: &str) -> Result<String, BadName> {
    let name = raw.trim();
    if is_blank(name) || name.chars().count() > NAME_MAX_CHARS || name.chars().any(char::is_control)
    {
        return Err(BadName);
    }
    Ok(name.to_owned())
}

/// What `seats` seats cost in Stars at `per_seat` each, if one invoice can carry it.
#[must_use]
pub fn price_in_stars(per_seat: u32, seats: u32) -> Option<u32> {
    let total = u64::from(per_seat) * u64::from(seats);
    (total <= MAX_INVOICE_STARS)
        .then(|| u32::try_from(total).ok())
        .flatten()
}

/// Why a member cannot take a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatRefusal {
    /// The team is not paid yet, has ended, or its time is up.
    NotRunning,
    /// Every seat is taken.
    Full,
    /// The member holds a seat in this team already.
    AlreadySeated,
}

/// Whether a member may take a seat in `team` at `now`, with `taken` seats held and `seated`
/// saying whether they hold one of them.
pub fn may_seat(
    team: &Team,
    taken: u32,
    seated: bool,
    now: DateTime<Utc>,
) -> Result<(), SeatRefusal> {
    if !team.is_running(now) {
        return Err(SeatRefusal::NotRunning);
    }
    if seated {
        return Err(SeatRefusal::AlreadySeated);
    }
    if taken >= team.seats {
        return Err(SeatRefusal::Full);
    }
    Ok(())
}

/// Whether `viewer` may add and remove seats of `team` and see its members' learning progress:
/// its manager, or an operator.
#[must_use]
pub fn may_manage(team: &Team, viewer: MemberId, is_operator: bool) -> bool {
    is_operator || team.manager == viewer
}

/// What a team's manager sees of a member in a seat. Only learning progress: the courses and
/// the lessons done in each. Never their points, messages, payments, other tiers or anything
/// `/privacy` keeps; a member is told this when given a seat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatProgress {
    pub name: String,
    /// Each course they began: its title, lessons done, lessons in all.
    pub courses: Vec<(String, usize, usize)>,
}

/// What `name`'s manager is shown: each of `courses` (title, lesson ids) they began, with
/// the lessons of it in `done`. Nothing else of theirs goes in.
#[must_use]
pub fn seat_progress(
    name: &str,
    courses: &[(&str, &[i64])],
    done: &std::collections::HashSet<i64>,
) -> SeatProgress {
    SeatProgress {
        name: name.to_owned(),
        courses: courses
            .iter()
            .filter_map(|(title, lessons)| {
                let finished = lessons.iter().filter(|l| done.contains(l)).count();
                (finished > 0).then(|| ((*title).to_owned(), finished, lessons.len()))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    fn team() -> Team {
        Team {
            id: 1,
            name: "Acme".into(),
            plan: "pro-team".into(),
            tier: "pro".into(),
            seats: 2,
            manager: MemberId(7),
            started_at: Some(now()),
            expires_at: Some(now() + Duration::days(30)),
            ended_at: None,
        }
    }

    #[test]
    fn a_seat_is_free_until_the_team_is_full() {
        assert_eq!(may_seat(&team(), 0, false, now()), Ok(()));
        assert_eq!(may_seat(&team(), 1, false, now()), Ok(()));
        assert_eq!(may_seat(&team(), 2, false, now()), Err(SeatRefusal::Full));
        assert_eq!(
            may_seat(&team(), 1, true, now()),
            Err(SeatRefusal::AlreadySeated)
        );
    }

    #[test]
    fn an_unpaid_ended_or_lapsed_team_gives_no_seat() {
        let unpaid = Team {
            started_at: None,
            ..team()
        };
        let ended = Team {
            ended_at: Some(now()),
            ..team()
        };
        assert_eq!(
            may_seat(&unpaid, 0, false, now()),
            Err(SeatRefusal::NotRunning)
        );
        assert_eq!(
            may_seat(&ended, 0, false, now()),
            Err(SeatRefusal::NotRunning)
        );
        let later = now() + Duration::days(30);
        assert_eq!(
            may_seat(&team(), 0, false, later),
            Err(SeatRefusal::NotRunning)
        );
    }

    #[test]
    fn a_team_costs_its_seats_in_one_invoice_or_not_at_all() {
        assert_eq!(price_in_stars(300, 5), Some(1500));
        assert_eq!(price_in_stars(5000, 2), Some(10_000));
        assert_eq!(price_in_stars(5000, 3), None);
        assert_eq!(price_in_stars(u32::MAX, MAX_SEATS), None);
    }

    #[test]
    fn names_must_be_visible_and_short() {
        assert_eq!(normalize_name("  Acme  "), Ok("Acme".into()));
        assert_eq!(normalize_name("字节跳动"), Ok("字节跳动".into()));
        assert_eq!(normalize_name("\u{200b}\u{200b}"), Err(BadName));
        assert_eq!(normalize_name(&"a".repeat(33)), Err(BadName));
        assert_eq!(normalize_name("a\u{7}b"), Err(BadName));
    }

    #[test]
    fn a_manager_sees_only_the_courses_begun_and_their_lessons() {
        let done = [1, 2, 9].into_iter().collect();
        let rust: &[i64] = &[1, 2, 3];
        let go: &[i64] = &[4, 5];
        let seen = seat_progress("Ann", &[("Rust", rust), ("Go", go)], &done);
        assert_eq!(seen.courses, vec![("Rust".to_owned(), 2, 3)]);
    }

    #[test]
    fn only_the_manager_or_an_operator_manages() {
        assert!(may_manage(&team(), MemberId(7), false));
        assert!(!may_manage(&team(), MemberId(8), false));
        assert!(may_manage(&team(), MemberId(8), true));
    }
}
