//! The points ledger: every XP and balance change as a row, and reading a member's history.

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, from_millis};
use steward_core::ids::MemberId;

/// Why points moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerKind {
    Message,
    Daily,
    Thanks,
    Grant,
    Remove,
    Link,
    Redeem,
    /// XP brought from another bot (`steward import`); the reference is the file's hash.
    Import,
    /// Day-by-day awards older than `ledger.keep_days`, summed into one row per member.
    Rollup,
    /// A lesson marked done; the reference is the lesson's drop id.
    Learning,
    /// A course finished; the reference is the course id.
    Course,
    /// A member's submission approved; the reference is the submission id.
    Contribution,
    /// Attendance at an event (its check-in code); the reference is the event id.
    Event,
    /// Someone the member invited paid; the reference is the referred member's id.
    Referral,
    /// An answer of the member's was accepted; the reference is the question id.
    Answer,
    /// Points held for a question's bounty (negative), paid to its accepted answerer or given
    /// back to its asker (positive); the reference is the question id.
    Bounty,
}

impl LedgerKind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Message => "message",
            Self::Daily => "daily",
            Self::Thanks => "thanks",
            Self::Grant => "grant",
            Self::Remove => "remove",
            Self::Link => "link",
            Self::Redeem => "redeem",
            Self::Import => "import",
            Self::Rollup => "rollup",
            Self::Learning => "learning",
            Self::Course => "course",
            Self::Contribution => "contribution",
            Self::Referral => "referral",
            Self::Event => "event",
            Self::Answer => "answer",
            Self::Bounty => "bounty",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Message,
            Self::Daily,
            Self::Thanks,
            Self::Grant,
            Self::Remove,
            Self::Link,
            Self::Redeem,
            Self::Import,
            Self::Rollup,
            Self::Learning,
            Self::Course,
            Self::Contribution,
            Self::Event,
            Self::Referral,
            Self::Answer,
            Self::Bounty,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One ledger row as shown in `/history`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerEntry {
    pub delta_xp: i64,
    pub delta_balance: i64,
    pub kind: Option<LedgerKind>,
    pub reference: Option<String>,
    pub reason: Option<String>,
    /// Display name of the member who caused the change.
    pub actor: Option<String>,
    pub at: DateTime<Utc>,
}

type LedgerTuple = (
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
);

impl Store {
    /// A member's latest ledger rows, newest first.
    pub async fn history(&self, member: MemberId, limit: u32) -> Result<Vec<LedgerEntry>> {
        self.settle().await.during("history")?;
        let rows: Vec<LedgerTuple> = sqlx::query_as(
            "SELECT l.delta_xp, l.delta_balance, l.kind, l.reference, l.reason, a.display_name, l.at \
             FROM ledger l LEFT JOIN members a ON a.id = l.actor_member_id \
             WHERE l.member_id = ? ORDER BY l.at DESC, l.id DESC LIMIT ?",
        )
        .bind(member.0)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await.during("history")?;
        Ok(rows
            .into_iter()
            .map(
                |(delta_xp, delta_balance, kind, reference, reason, actor, at)| LedgerEntry {
                    delta_xp,
                    delta_balance,
                    kind: LedgerKind::parse(&kind),
                    reference,
                    reason,
                    actor,
                    at: from_millis(at),
                },
            )
            .collect())
    }

    /// Sums of the ledger per member, to check it explains the totals: (xp, balance).
    pub async fn ledger_totals(&self, member: MemberId) -> Result<(i64, i64)> {
        self.settle().await.during("ledger_totals")?;
        let sums: (Option<i64>, Option<i64>) = sqlx::query_as(
            "SELECT SUM(delta_xp), SUM(delta_balance) FROM ledger WHERE member_id = ?",
        )
        .bind(member.0)
        .fetch_one(&self.pool)
        .await
        .during("ledger_totals")?;
        Ok((sums.0.unwrap_or(0), sums.1.unwrap_or(0)))
    }
}
