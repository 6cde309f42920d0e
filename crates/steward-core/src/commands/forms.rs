//! The forms of the commands that have several: each subcommand (or filter) as a typed value,
//! with what it carries.

use super::MemberToken;
use crate::drops::grammar::DropRequest;
use crate::drops::when::When;

/// An event as `/event create` asks for it, before it is pinned to the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub name: String,
    pub starts: When,
    pub ends: When,
    /// XP a check-in pays; `None` takes the default.
    pub xp: Option<i64>,
    pub tier: Option<String>,
    /// Whether the event opens a season of its own, from its start to its end.
    pub season: bool,
}

/// `/event create|join|list|checkin|board`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventCommand {
    Create(NewEvent),
    Join(i64),
    List,
    /// A check-in code, uppercased.
    CheckIn(String),
    Board(i64),
}

/// `/review list|approve|reject`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewCommand {
    List,
    /// Approves a submission into a drop scheduled as `request` says (its text is empty).
    Approve {
        id: i64,
        request: DropRequest,
    },
    Reject {
        id: i64,
        reason: String,
    },
}

/// `/promo create|list|end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromoCommand {
    Create(PromoDraft),
    List,
    End { code: String },
}

/// A promo code as `/promo create` writes it: its last day is read in the community's timezone
/// by the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromoDraft {
    /// Upper case.
    pub code: String,
    pub plan: String,
    pub discount: crate::payments::promo::Discount,
    pub until: Option<chrono::NaiveDate>,
    pub uses: Option<u32>,
    pub first_term_only: bool,
}

/// `/team`, `/team create NAME PLAN SEATS [manager @member]`, `/team add|remove @member`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamCommand {
    /// The manager's view: seats, members, their learning progress.
    Show,
    Create {
        name: String,
        plan: String,
        seats: u32,
        /// Operators only: who manages it (the operator, if `None`).
        manager: Option<MemberToken>,
    },
    /// Another term for the same seats, paid by the manager.
    Renew,
    Add {
        who: Option<MemberToken>,
    },
    Remove {
        who: Option<MemberToken>,
    },
}

/// Which questions `/questions` lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionsFilter {
    /// The latest, answered or not.
    Latest,
    /// Those without an accepted answer.
    Open,
    /// The asker's own.
    Mine,
    /// Those with this tag.
    Tag(String),
}

/// `/certificate [COURSE] [as NAME]` and `/certificate revoke ID REASON` (operators).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertificateCommand {
    /// The certificate of a finished course (the only one, if `course` is left out), under
    /// `name` or the member's chat name.
    Issue {
        course: Option<String>,
        name: Option<String>,
    },
    Revoke {
        id: String,
        reason: String,
    },
}

/// `/course create|add|remove|tier|stats`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CourseCommand {
    Create { id: String, title: String },
    Add { id: String, lesson: i64 },
    Remove { id: String, lesson: i64 },
    Tier { id: String, tier: Option<String> },
    Stats { id: String },
}
