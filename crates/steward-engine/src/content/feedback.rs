//! `/feedback ID TEXT`: written feedback on a drop that reached the member, sent to the
//! operators with who wrote it (other members never see it), kept for `/drop stats` and counted
//! on the dashboard beside the ratings. A few per member and drop, so nobody floods the queue.

use crate::commands::CommandContext;
use crate::core::access::may_see;
use crate::{Drops, EngineResult, refuse};
use crate::{msg, tr};

/// Feedback a member may leave on one drop.
const PER_DROP: i64 = 3;

/// Feedback listed by `/drop stats`.
pub(super) const LISTED: u32 = 5;

impl Drops {
    pub(crate) async fn feedback_command(
        &self,
        ctx: &CommandContext,
        id: i64,
        text: &str,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let drop = self.find_drop(id).await?;
        let viewer = self.membership.viewer(ctx).await?;
        let visible = may_see(&viewer, self.membership.gate(drop.tier.as_deref()));
        if !visible || !self.kernel.store.was_delivered(drop.id).await? {
            return refuse(msg!("feedback-not-yet", id = id));
        }
        let mut tx = self.kernel.store.begin().await?;
        if !tx
            .add_feedback(drop.id, ctx.member, text, PER_DROP, ctx.at)
            .await?
        {
            return refuse(msg!("feedback-enough", id = id, count = PER_DROP));
        }
        tx.commit().await?;
        let author = &ctx.sender.person.profile.display_name;
        self.kernel
            .tell_operators_with(|lang| {
                tr!(
                    lang,
                    "feedback-to-operators",
                    id = id,
                    author = author.as_str(),
                    text = text
                )
            })
            .await;
        Ok(tr!(lang, "feedback-sent", id = id))
    }
}
