//! The one way points move outside message XP (`/daily`, thanks, `/points`, redemptions,
//! lessons, approved submissions, event check-ins): open a scoring transaction, check and record
//! what the award is for in it, then [`Scoring::award`]. It writes the ledger row and the boards,
//! commits, moves the member on the live boards (so in-memory ranks follow the database's order
//! of commits) and announces a level-up by the privacy rule. Its transaction is a settled one:
//! the award log was folded first, so the totals it reads are whole.

use crate::Ranking;
use chrono::{DateTime, NaiveDate, Utc};

use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::analytics::award_counts;
use crate::core::ids::MemberId;
use crate::core::periods::Board;
use crate::core::scoring::{self, AwardOutcome};
use crate::store::{Award, LedgerKind, WriteTx};
use crate::writer::ScoreLock;

/// What one award changes and why; the scoring transaction adds when, the community's day and
/// the boards it counts on.
pub(crate) struct Grant<'a> {
    pub member: MemberId,
    /// How a public level-up post names the member.
    pub name: &'a str,
    pub xp: i64,
    pub balance: i64,
    pub kind: LedgerKind,
    pub reference: Option<String>,
    pub reason: Option<&'a str>,
    pub actor: Option<MemberId>,
}

impl<'a> Grant<'a> {
    /// `xp` (and as many points) to the member who sent the command, for what `reference`
    /// names (the day, the event, the lesson).
    pub(crate) fn own(
        ctx: &'a CommandContext,
        kind: LedgerKind,
        xp: i64,
        reference: String,
    ) -> Self {
        Grant {
            member: ctx.member,
            name: &ctx.sender.person.profile.display_name,
            xp,
            balance: xp,
            kind,
            reference: Some(reference),
            reason: None,
            actor: None,
        }
    }
}

/// An open scoring transaction; dropping it rolls back and releases the locks.
pub(crate) struct Scoring<'a> {
    ranking: &'a Ranking,
    _lock: ScoreLock<'a>,
    pub tx: WriteTx,
    at: DateTime<Utc>,
    day: NaiveDate,
    /// The period boards (week, month, a running season) an award at `at` counts on.
    boards: Vec<Board>,
}

impl Ranking {
    /// Opens a scoring transaction for awards made at `at`.
    pub(crate) async fn begin_scoring(&self, at: DateTime<Utc>) -> EngineResult<Scoring<'_>> {
        let boards = self.period_boards_at(at);
        let lock = self.kernel.lock_scores().await;
        self.ensure_live(&boards).await?;
        let tx = self.kernel.store.begin().await?;
        Ok(Scoring {
            ranking: self,
            _lock: lock,
            tx,
            at,
            day: self.kernel.config.calendar.day(at),
            boards,
        })
    }
}

impl Scoring<'_> {
    /// Applies the grants in order (each its own ledger row), commits, moves the members on the
    /// live boards and announces each level-up reached in `ctx`'s chat.
    pub(crate) async fn award(
        mut self,
        ctx: &CommandContext,
        grants: &[Grant<'_>],
    ) -> EngineResult<Vec<AwardOutcome>> {
        let mut outcomes = Vec::with_capacity(grants.len());
        for grant in grants {
            outcomes.push(self.apply(grant).await?);
        }
        self.tx.commit().await?;
        {
            let mut boards = self.ranking.scores.boards_mut();
            for outcome in &outcomes {
                boards.apply(&outcome.changes, outcome.hidden);
            }
        }
        for (grant, outcome) in grants.iter().zip(&outcomes) {
            self.ranking
                .announce_level_up(ctx, grant.member, grant.name, outcome)
                .await;
        }
        Ok(outcomes)
    }

    /// One grant in the open transaction: the member's totals and standings read, the core's
    /// award rule and the dashboard's counts decided, the rows written.
    async fn apply(&mut self, grant: &Grant<'_>) -> EngineResult<AwardOutcome> {
        let totals = self.tx.totals(grant.member).await?;
        // Points spent without XP (a redemption) change no board: the member is not put on
        // this week's board at 0.
        let boards: &[Board] = if grant.xp == 0 { &[] } else { &self.boards };
        let mut periods = Vec::with_capacity(boards.len());
        for board in boards {
            let standing = self.tx.period_standing(board, grant.member).await?;
            periods.push((board.clone(), standing));
        }
        let at_ms = self.at.timestamp_millis();
        let outcome = scoring::award(totals, grant.xp, grant.balance, at_ms, periods);
        let counts = award_counts(
            grant.kind.as_str(),
            grant.kind == LedgerKind::Redeem,
            outcome.applied_xp,
            outcome.applied_balance,
        );
        let award = Award {
            member: grant.member,
            kind: grant.kind,
            reference: grant.reference.clone(),
            reason: grant.reason,
            actor: grant.actor,
            at: self.at,
            day: self.day,
        };
        self.tx.write_award(&award, &outcome, &counts).await?;
        Ok(outcome)
    }

    /// Applies `grant` and commits, moving the member on the live boards, for an award no
    /// command asked for (a referral credited by the scheduler): there is no chat to announce a
    /// level-up in, so the member hears of it by the DM that tells them why.
    pub(crate) async fn award_unasked(mut self, grant: &Grant<'_>) -> EngineResult<AwardOutcome> {
        let outcome = self.apply(grant).await?;
        self.tx.commit().await?;
        self.ranking
            .scores
            .boards_mut()
            .apply(&outcome.changes, outcome.hidden);
        Ok(outcome)
    }

    /// [`Scoring::award`] of one grant.
    pub(crate) async fn award_one(
        self,
        ctx: &CommandContext,
        grant: Grant<'_>,
    ) -> EngineResult<AwardOutcome> {
        let mut outcomes = self.award(ctx, std::slice::from_ref(&grant)).await?;
        // `award` returns one outcome per grant.
        Ok(outcomes.remove(0))
    }
}
