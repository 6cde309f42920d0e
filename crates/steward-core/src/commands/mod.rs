//! Commands as typed values: the catalogue of what exists (with each command's arguments), the
//! parser from chat text, and the rating buttons' ids. Pure; resolving `@member` tokens to
//! members is the engine's job.

mod args;
mod catalog;
mod forms;
mod parse;
mod rating;

pub use args::{Arg, ArgKind, Choice, Params, Subcommand};
pub use catalog::{Audience, COMMANDS, CommandForm, CommandSpec, find};
pub use forms::{
    CertificateCommand, CourseCommand, EventCommand, NewEvent, PromoCommand, PromoDraft,
    QuestionsFilter, ReviewCommand, TeamCommand,
};
pub use parse::broadcast::MAX_BROADCAST;
pub use parse::{CommandError, MAX_AMOUNT, MAX_REASON, parse};
pub use rating::{DropButton, RatingButton};

use chrono::NaiveDate;

use super::drops::grammar::DropCommand;
use super::duration::Term;

/// A member named in a command: `@name`, a bare name, or a platform id as typed.
pub type MemberToken = String;

/// Which leaderboard `/leaderboard` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardArg {
    All,
    Week,
    Month,
    /// The active season, or a named (possibly archived) one.
    Season(Option<String>),
}

/// Which step of an erasure `/privacy delete` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EraseStep {
    /// Asks for the erasure and says what it will do; `end_memberships` also ends running
    /// memberships (and their access) instead of letting them run out.
    Ask { end_memberships: bool },
    /// Carries out the erasure asked for in the last few minutes.
    Confirm,
}

/// A parsed command with validated arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Every command in a line each, or how to use one (named without the slash).
    Help {
        command: Option<String>,
    },
    /// `card`: as a picture (a rank card) instead of text.
    Rank {
        who: Option<MemberToken>,
        card: bool,
    },
    Leaderboard {
        board: BoardArg,
        page: u32,
    },
    Daily,
    /// `who` is `None` when the command replies to the helper's message.
    Thanks {
        who: Option<MemberToken>,
        reason: Option<String>,
    },
    History {
        who: Option<MemberToken>,
    },
    Privacy {
        hidden: bool,
    },
    /// `/privacy export`: everything held about the asker, as a file by DM.
    PrivacyExport,
    /// `/privacy delete [@member] [end|confirm]`: erasure, in two steps. Naming another member
    /// is for operators acting on that member's request (the engine checks).
    PrivacyDelete {
        who: Option<MemberToken>,
        step: EraseStep,
    },
    /// `None` shows the current language; `auto` follows the member's app again.
    Language {
        choice: Option<String>,
    },
    Link {
        code: Option<String>,
    },
    /// A login link for the web pages, by DM.
    Web,
    /// `/web logout [@member]`: ends every web session of the asker, or of a member (for
    /// operators; the engine checks).
    WebLogout {
        who: Option<MemberToken>,
    },
    PointsAdd {
        who: Option<MemberToken>,
        amount: i64,
        reason: Option<String>,
    },
    PointsRemove {
        who: Option<MemberToken>,
        amount: i64,
        reason: Option<String>,
    },
    SeasonStart {
        name: String,
        until: Option<NaiveDate>,
    },
    SeasonEnd,
    Membership,
    Tiers,
    Shop,
    Redeem {
        reward: String,
    },
    /// Upcoming drops, or those carrying a tag (delivered ones too).
    Drops {
        tag: Option<String>,
    },
    Rate {
        drop: i64,
        stars: u8,
    },
    MemberGrant {
        who: Option<MemberToken>,
        tier: String,
        term: Term,
    },
    MemberExtend {
        who: Option<MemberToken>,
        tier: String,
        term: Term,
    },
    MemberRevoke {
        who: Option<MemberToken>,
        tier: Option<String>,
    },
    MemberList {
        tier: Option<String>,
    },
    Drop(DropCommand),
    /// Telegram's first message to a bot: a greeting, or what a deep link's payload asks for
    /// (`t.me/BOT?start=subscribe-PLAN` arrives as `/start subscribe-PLAN`).
    Start {
        payload: Option<String>,
    },
    /// What is on sale.
    Plans,
    /// How to pay for a plan on this platform, with a promo code if one is given.
    Subscribe {
        plan: String,
        code: Option<String>,
    },
    /// `/promo create|list|end` (operators).
    Promo(PromoCommand),
    /// `/gift @member PLAN [anonymous]`: the asker pays, `who` gets the plan's term.
    Gift {
        who: Option<MemberToken>,
        plan: String,
        anonymous: bool,
    },
    /// `/gift-code PLAN`: a code to give someone not a member yet.
    GiftCode {
        plan: String,
    },
    /// `/redeem-gift CODE`.
    RedeemGift {
        code: String,
    },
    /// `/invite`: the asker's invite code; `/invite stats`: what it came to.
    Invite {
        stats: bool,
    },
    /// `/team [create|add|remove]`: team seats.
    Team(TeamCommand),
    /// `/certificate [COURSE] [as NAME]`, `/certificate revoke ID REASON`.
    Certificate(CertificateCommand),
    /// `/ask TITLE [bounty N]`: a question, with points held for its accepted answer.
    Ask {
        title: String,
        bounty: i64,
    },
    /// `/accept` in reply to an answer, or `/accept [QUESTION] @member`.
    Accept {
        question: Option<i64>,
        who: Option<MemberToken>,
    },
    /// `/questions [open|mine|tag X]`.
    Questions(QuestionsFilter),
    /// The asker's paid plans; `cancel` stops their renewal.
    Subscription {
        cancel: bool,
    },
    PaySupport,
    /// The latest payments, of one member or everyone.
    Payments {
        who: Option<MemberToken>,
    },
    /// Refunds a payment by its number in `/payments`.
    PaymentRefund {
        id: i64,
    },
    /// An operator's change to a course, or its completion per lesson.
    Course(CourseCommand),
    /// Marks a lesson (a drop of a course) done.
    Done {
        lesson: i64,
    },
    /// The asker's way through each course.
    Progress,
    /// A member's content for review; empty when replying to the message to share.
    Submit {
        text: String,
    },
    /// The community's rules.
    Rules,
    /// An operator's review of submissions.
    Review(ReviewCommand),
    /// Events: created by operators, joined and checked in to by members.
    Event(EventCommand),
    /// A DM to every member of a segment (operators).
    Broadcast {
        segment: String,
        text: String,
    },
    /// How far a broadcast has gone.
    BroadcastStatus {
        id: i64,
    },
    /// A member's broadcasts turned off (or on again).
    BroadcastsOff {
        off: bool,
    },
    /// Three drops for the asker, or the weekly DM of them turned on or off.
    Recommend {
        weekly: Option<bool>,
    },
    /// Written feedback on a drop, for the operators.
    Feedback {
        drop: i64,
        text: String,
    },
}

impl Command {
    /// The catalogue entry this command belongs to.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::Help { .. } => "help",
            Self::Rank { .. } => "rank",
            Self::Leaderboard { .. } => "leaderboard",
            Self::Daily => "daily",
            Self::Thanks { .. } => "thanks",
            Self::History { .. } => "history",
            Self::Privacy { .. } | Self::PrivacyExport | Self::PrivacyDelete { .. } => "privacy",
            Self::Language { .. } => "language",
            Self::Link { .. } => "link",
            Self::Web | Self::WebLogout { .. } => "web",
            Self::PointsAdd { .. } | Self::PointsRemove { .. } => "points",
            Self::SeasonStart { .. } | Self::SeasonEnd => "season",
            Self::Membership => "membership",
            Self::Tiers => "tiers",
            Self::Shop => "shop",
            Self::Redeem { .. } => "redeem",
            Self::Drops { .. } => "drops",
            Self::Rate { .. } => "rate",
            Self::MemberGrant { .. }
            | Self::MemberExtend { .. }
            | Self::MemberRevoke { .. }
            | Self::MemberList { .. } => "member",
            Self::Drop(_) => "drop",
            Self::Plans => "plans",
            Self::Start { .. } => "start",
            Self::Subscribe { .. } => "subscribe",
            Self::Promo(_) => "promo",
            Self::Invite { .. } => "invite",
            Self::Team(_) => "team",
            Self::Certificate(_) => "certificate",
            Self::Ask { .. } => "ask",
            Self::Accept { .. } => "accept",
            Self::Questions(_) => "questions",
            Self::Gift { .. } => "gift",
            Self::GiftCode { .. } => "gift_code",
            Self::RedeemGift { .. } => "redeem_gift",
            Self::Subscription { .. } => "subscription",
            Self::PaySupport => "paysupport",
            Self::Payments { .. } | Self::PaymentRefund { .. } => "payments",
            Self::Course(_) => "course",
            Self::Done { .. } => "done",
            Self::Progress => "progress",
            Self::Feedback { .. } => "feedback",
            Self::Recommend { .. } => "recommend",
            Self::Broadcast { .. } | Self::BroadcastStatus { .. } => "broadcast",
            Self::BroadcastsOff { .. } => "broadcasts",
            Self::Submit { .. } => "submit",
            Self::Rules => "rules",
            Self::Review(_) => "review",
            Self::Event(_) => "event",
        }
    }

    #[must_use]
    pub fn audience(&self) -> Audience {
        find(self.name()).map_or(Audience::Operator, |spec| spec.audience)
    }
}
