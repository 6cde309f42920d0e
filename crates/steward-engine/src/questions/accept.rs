//! `/accept`: the asker (or an operator, for a question its asker left) accepts one answer.
//! The acceptance, the bounty's move from held to paid and the answerer's award are one scoring
//! transaction, so a question accepts once and its bounty is paid at most once, whatever
//! races it (a second `/accept`, the bounty's return).

use super::Questions;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::questions::{AcceptRefusal, Acceptable, BountyState, may_accept};
use crate::ranking::Grant;
use crate::store::{LedgerKind, QuestionQuery};
use crate::{msg, refuse, tr};

impl Questions {
    pub(crate) async fn accept(
        &self,
        ctx: &CommandContext,
        question: Option<i64>,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let store = &self.kernel.store;
        // The answer replied to, when the command replies to one.
        let replied = match (&ctx.quoted, who) {
            (Some(quoted), None) => store.answer_at(&quoted.chat, &quoted.message_id).await?,
            _ => None,
        };
        let question = match (question, replied) {
            (Some(id), _) => id,
            (None, Some((_, id, _))) => id,
            (None, None) => match store.question_at(&ctx.chat, None).await? {
                Some(id) => id,
                None => self.only_open_question(ctx).await?,
            },
        };
        // A question the sender may not see is as if it did not exist.
        let viewer = self.membership.viewer(ctx).await?;
        match store.question(question).await? {
            Some(row) if self.visible(&viewer, &row) => {}
            _ => return refuse(msg!("question-unknown", id = question)),
        }
        let answer = match replied {
            Some((answer, of, _)) if of == question => answer,
            _ => {
                let target = self.identity.resolve_known(ctx, who).await?;
                if target.id == ctx.member {
                    return refuse(msg!("question-own-answer"));
                }
                let mut tx = store.begin().await?;
                match tx.latest_answer_by(question, target.id).await? {
                    Some(answer) => answer,
                    None => {
                        return refuse(msg!(
                            "question-no-answer",
                            name = &target.name,
                            id = question
                        ));
                    }
                }
            }
        };
        let operator = self.kernel.is_operator(&ctx.sender);
        let mut scoring = self.ranking.begin_scoring(ctx.at).await?;
        let Some(row) = scoring.tx.question(question).await? else {
            return refuse(msg!("question-unknown", id = question));
        };
        let answerer = scoring.tx.answer_author(answer).await?;
        let Some((answerer, answerer_name)) = answerer else {
            return refuse(msg!("question-unknown", id = question));
        };
        let acceptable = Acceptable {
            asker: row.asker,
            accepted: row.accepted_at.is_some(),
        };
        if let Err(why) = may_accept(acceptable, ctx.member, operator, answerer) {
            return refuse(match why {
                AcceptRefusal::AlreadyAccepted => msg!("question-accepted-already", id = question),
                AcceptRefusal::NotTheAsker => msg!("question-not-yours", id = question),
                AcceptRefusal::OwnAnswer => msg!("question-own-answer"),
            });
        }
        if !scoring
            .tx
            .accept_answer(question, answer, ctx.member, ctx.at)
            .await?
        {
            return refuse(msg!("question-accepted-already", id = question));
        }
        let bounty_paid = row.bounty_state == BountyState::Held
            && scoring
                .tx
                .settle_bounty(question, BountyState::Paid)
                .await?;
        let xp = self.kernel.config.questions.accepted_xp;
        let reference = Some(question.to_string());
        let grant = |kind, xp, balance| Grant {
            member: answerer,
            name: &answerer_name,
            xp,
            balance,
            kind,
            reference: reference.clone(),
            reason: None,
            actor: Some(ctx.member),
        };
        let mut grants = vec![grant(LedgerKind::Answer, xp, xp)];
        if bounty_paid {
            grants.push(grant(LedgerKind::Bounty, 0, row.bounty));
        }
        scoring.award(ctx, &grants).await?;
        let earned = if bounty_paid {
            tr!(
                lang,
                "question-accepted-bounty",
                name = &answerer_name,
                xp = xp,
                bounty = row.bounty
            )
        } else {
            tr!(lang, "question-accepted-xp", name = &answerer_name, xp = xp)
        };
        let title = row.title.clone();
        self.kernel
            .tell_with(answerer, |lang| {
                tr!(
                    lang,
                    "question-accepted-dm",
                    id = question,
                    title = &title,
                    xp = xp,
                    bounty = if bounty_paid { row.bounty } else { 0 }
                )
            })
            .await?;
        Ok(tr!(
            lang,
            "question-accepted",
            id = question,
            earned = earned
        ))
    }

    /// The asker's one open question, when the command names none and is not in a question's
    /// thread.
    async fn only_open_question(&self, ctx: &CommandContext) -> EngineResult<i64> {
        let open = self
            .kernel
            .store
            .questions(QuestionQuery {
                open: true,
                asker: Some(ctx.member),
                tag: None,
                limit: 2,
            })
            .await?;
        match open.as_slice() {
            [one] => Ok(one.id),
            [] => refuse(msg!("question-none-open")),
            _ => refuse(msg!("question-which")),
        }
    }
}
