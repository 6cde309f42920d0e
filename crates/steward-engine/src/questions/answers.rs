//! Answers as they arrive: a community message that replies to a question's message, or any
//! message in a question's own thread, by someone other than its asker. Most messages are
//! neither, and cost only a lookup in the map of places (`Questions::place_kind`).

use super::Questions;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::questions::kept_answer;
use crate::store::NewAnswer;

impl Questions {
    /// Notes `text` as an answer if it is one. Message XP is the ingest's, as for any message.
    pub(crate) async fn note_answer(&self, ctx: &CommandContext, text: &str) -> EngineResult<()> {
        let Some(thread) = self.place_kind(&ctx.chat) else {
            return Ok(());
        };
        let Some(message_id) = ctx.message_id.as_deref() else {
            return Ok(());
        };
        let replied = ctx.quoted.as_ref().map(|q| q.message_id.as_str());
        if !thread && replied.is_none() {
            return Ok(());
        }
        let store = &self.kernel.store;
        let found = match store.question_at(&ctx.chat, replied).await? {
            Some(question) => Some(question),
            // A reply to an answer answers the same question.
            None => match replied {
                Some(replied) => store
                    .answer_at(&ctx.chat, replied)
                    .await?
                    .map(|(_, q, _)| q),
                None => None,
            },
        };
        let Some(question) = found else {
            return Ok(());
        };
        let mut tx = store.begin().await?;
        let Some(row) = tx.question(question).await? else {
            return Ok(());
        };
        if row.asker == ctx.member {
            return Ok(());
        }
        tx.record_answer(NewAnswer {
            question,
            answerer: ctx.member,
            chat: &ctx.chat,
            message_id,
            text: &kept_answer(text),
            at: ctx.at,
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
