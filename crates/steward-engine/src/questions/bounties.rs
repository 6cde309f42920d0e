//! The scheduler's step that gives a bounty back to its asker once `questions.bounty_days`
//! passed without an accepted answer. The return and an acceptance both move the bounty out of
//! `held` in one statement inside a scoring transaction, so exactly one of them happens.

use chrono::{DateTime, Duration, Utc};

use super::Questions;
use crate::EngineResult;
use crate::core::questions::{BountyState, bounty_returns_at};
use crate::ranking::Grant;
use crate::store::LedgerKind;
use crate::tr;

impl Questions {
    /// Gives back every bounty due at `now`; returns how many went back.
    pub(crate) async fn return_due_bounties(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let days = self.kernel.config.questions.bounty_days;
        let asked_by = now - Duration::days(i64::from(days));
        let due = self.kernel.store.bounties_due(asked_by).await?;
        let mut returned = 0;
        for (question, asker, bounty) in due {
            let mut scoring = self.ranking.begin_scoring(now).await?;
            if !scoring
                .tx
                .settle_bounty(question, BountyState::Returned)
                .await?
            {
                continue;
            }
            let name = scoring.tx.member(asker).await?.display_name;
            let grant = Grant {
                member: asker,
                name: &name,
                xp: 0,
                balance: bounty,
                kind: LedgerKind::Bounty,
                reference: Some(question.to_string()),
                reason: None,
                actor: None,
            };
            scoring.award_unasked(&grant).await?;
            returned += 1;
            self.kernel
                .tell_with(asker, |lang| {
                    tr!(
                        lang,
                        "question-bounty-returned",
                        id = question,
                        bounty = bounty
                    )
                })
                .await?;
        }
        Ok(returned)
    }

    /// When the next held bounty falls due, if one is held.
    pub(crate) async fn next_bounty_return(&self) -> EngineResult<Option<DateTime<Utc>>> {
        let days = self.kernel.config.questions.bounty_days;
        let oldest = self.kernel.store.oldest_held_bounty().await?;
        Ok(oldest.map(|asked| bounty_returns_at(asked, days)))
    }
}
