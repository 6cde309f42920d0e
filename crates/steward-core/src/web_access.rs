//! Who may see what on the web pages: how long a session gives its viewer (the one
//! [`Viewer`] of `core::access`), and the community's choice of who may see leaderboards
//! (`web.leaderboards`). Pure rules; the engine applies them before it reads anything for a page.

use chrono::{DateTime, Duration, Utc};

use super::access::Viewer;
use super::ids::MemberId;

/// How long a member's session lasts.
pub const MEMBER_SESSION_TTL: Duration = Duration::days(30);
/// How long a session with operator's rights lasts. Short, because a platform admin's rights
/// are as the platform said at `/web`, and a lost laptop should not open the dashboard for a
/// month.
pub const OPERATOR_SESSION_TTL: Duration = Duration::hours(12);

/// The least time between two login links `/web` sends one member: each is a DM, and a burst
/// of `/web` must not become a burst of DMs.
pub const LINK_COOLDOWN: Duration = Duration::seconds(60);

/// How long a member whose live login link was made at `made` waits at `now` before `/web`
/// sends another; `None` when it may send now.
#[must_use]
pub fn link_wait(made: DateTime<Utc>, now: DateTime<Utc>) -> Option<Duration> {
    let wait = made + LINK_COOLDOWN - now;
    (wait > Duration::zero()).then_some(wait)
}

/// How long a session started by someone with (`operator`) or without operator's rights lasts.
#[must_use]
pub fn session_length(operator: bool) -> Duration {
    if operator {
        OPERATOR_SESSION_TTL
    } else {
        MEMBER_SESSION_TTL
    }
}

/// Who a session started at `started` shows `member` as at `now`, given their rights decided
/// now (`operator`); `None` when it no longer runs. The tier they hold is the engine's to add. A session older than an operator's may not
/// carry an operator's rights: it ends rather than opening the dashboard (a member made an
/// operator since sends `/web` again).
#[must_use]
pub fn session_viewer(
    member: MemberId,
    operator: bool,
    started: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Viewer> {
    if now >= started + session_length(operator) {
        return None;
    }
    Some(if operator {
        Viewer::operator(member)
    } else {
        Viewer::member(member)
    })
}

/// Who may see leaderboards and member pages on the web.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Visibility {
    /// Anyone with the address.
    Public,
    /// Logged-in members.
    #[default]
    Members,
    /// Operators only.
    Operators,
}

impl Visibility {
    /// The config spellings, in order.
    pub const NAMES: [&'static str; 3] = ["public", "members", "operators"];

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "public" => Some(Self::Public),
            "members" => Some(Self::Members),
            "operators" => Some(Self::Operators),
            _ => None,
        }
    }

    /// Whether `viewer` may see the community's standings.
    #[must_use]
    pub fn allows(self, viewer: &Viewer) -> bool {
        match self {
            Self::Public => true,
            Self::Members => viewer.member.is_some(),
            Self::Operators => viewer.operator,
        }
    }

    /// Whether logging in as a member would let `viewer` see the standings: only where they
    /// are for members and the viewer is a visitor. Elsewhere a refusal says who they are for.
    #[must_use]
    pub fn login_helps(self, viewer: &Viewer) -> bool {
        self == Self::Members && viewer.member.is_none()
    }

    /// Whether a page links to the boards for `viewer`: when they may open them, or logging in
    /// would let them.
    #[must_use]
    pub fn linked_for(self, viewer: &Viewer) -> bool {
        self.allows(viewer) || self.login_helps(viewer)
    }
}

/// Whether `viewer` may see the page of `member`, who may be hidden (`/privacy hide`): a
/// hidden member's page is theirs and the operators' alone. Otherwise the leaderboards' rule
/// applies, and a member always sees their own page.
#[must_use]
pub fn may_see_member(
    visibility: Visibility,
    viewer: &Viewer,
    member: MemberId,
    hidden: bool,
) -> bool {
    if viewer.is(member) || viewer.operator {
        return true;
    }
    !hidden && visibility.allows(viewer)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: MemberId = MemberId(1);
    const BOB: MemberId = MemberId(2);

    #[test]
    fn each_setting_lets_in_whom_it_names() {
        let (visitor, member, operator) =
            (Viewer::VISITOR, Viewer::member(BOB), Viewer::operator(BOB));
        assert!(Visibility::Public.allows(&visitor));
        assert!(!Visibility::Members.allows(&visitor));
        assert!(Visibility::Members.allows(&member));
        assert!(!Visibility::Operators.allows(&member));
        assert!(Visibility::Operators.allows(&operator));
    }

    #[test]
    fn operators_sessions_end_after_twelve_hours_and_members_after_thirty_days() {
        let started: DateTime<Utc> = "2026-11-25T09:00:00Z".parse().unwrap();
        let at = |hours| started + Duration::hours(hours);
        assert_eq!(
            session_viewer(ALICE, true, started, at(11)),
            Some(Viewer::operator(ALICE))
        );
        assert_eq!(session_viewer(ALICE, true, started, at(12)), None);
        assert_eq!(
            session_viewer(ALICE, false, started, at(12)),
            Some(Viewer::member(ALICE))
        );
        assert_eq!(session_viewer(ALICE, false, started, at(30 * 24)), None);
    }

    #[test]
    fn a_new_link_waits_a_minute_after_the_last() {
        let made: DateTime<Utc> = "2026-11-25T09:00:00Z".parse().unwrap();
        assert_eq!(
            link_wait(made, made + Duration::seconds(20)),
            Some(Duration::seconds(40))
        );
        assert_eq!(link_wait(made, made + LINK_COOLDOWN), None);
    }

    #[test]
    fn a_hidden_member_is_seen_only_by_themselves_and_operators() {
        let public = Visibility::Public;
        assert!(!may_see_member(public, &Viewer::VISITOR, ALICE, true));
        assert!(!may_see_member(public, &Viewer::member(BOB), ALICE, true));
        assert!(may_see_member(public, &Viewer::member(ALICE), ALICE, true));
        assert!(may_see_member(public, &Viewer::operator(BOB), ALICE, true));
        assert!(may_see_member(public, &Viewer::VISITOR, ALICE, false));
        assert!(may_see_member(
            Visibility::Operators,
            &Viewer::member(ALICE),
            ALICE,
            false
        ));
    }
}
