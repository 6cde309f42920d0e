//! Hand-ins: `/submit course ID TEXT` (or a reply with `/submit course ID`) for a course whose
//! certificate needs review (`[[courses]] requires_review = true`). It waits in the same queue
//! as any submission; approving it posts nothing and pays nothing: it is the record
//! `/certificate` asks for, and the member is told so.

use super::Submissions;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::access::may_see;
use crate::store::SubmissionRow;
use crate::{msg, tr};

impl Submissions {
    /// The course `text` hands in for, with the rest of the text: only when it starts with
    /// `course ID` naming a course that requires review and that the member may see. Anything
    /// else is an ordinary submission (a tip that starts with "course notes …" stays one, and a
    /// gated course is not revealed).
    pub(super) async fn hand_in_course(
        &self,
        ctx: &CommandContext,
        text: &str,
    ) -> EngineResult<Option<(String, String)>> {
        let mut words = text.splitn(3, char::is_whitespace);
        let (Some(keyword), Some(id)) = (words.next(), words.next()) else {
            return Ok(None);
        };
        if !keyword.eq_ignore_ascii_case("course") {
            return Ok(None);
        }
        let id = id.to_lowercase();
        let Some(course) = self
            .kernel
            .config
            .courses
            .iter()
            .find(|c| c.id == id && c.requires_review)
        else {
            return Ok(None);
        };
        let membership = &self.drops.membership;
        let viewer = membership.viewer(ctx).await?;
        if !may_see(&viewer, membership.gate(course.tier.as_deref())) {
            return Ok(None);
        }
        let rest = words.next().unwrap_or_default().trim().to_owned();
        Ok(Some((course.id.clone(), rest)))
    }

    /// Approves a hand-in: recorded, the member told that their certificate may now be asked for.
    pub(super) async fn approve_hand_in(
        &self,
        ctx: &CommandContext,
        id: i64,
        course: &str,
    ) -> EngineResult<String> {
        let mut tx = self.kernel.store.begin().await?;
        let decided: Option<SubmissionRow> = tx
            .decide_submission(id, "approved", ctx.member, None, None, ctx.at)
            .await?;
        let Some(submission) = decided else {
            drop(tx);
            return self.undecidable(id).await;
        };
        tx.commit().await?;
        let told = msg!("hand-in-approved", id = id, course = course);
        if let Err(e) = self.kernel.tell(submission.author, &told).await {
            tracing::warn!(error = %e, "telling the author of an approved hand-in failed");
        }
        Ok(tr!(
            ctx.lang,
            "review-hand-in-approved",
            id = id,
            author = submission.author_name.as_str(),
            course = course
        ))
    }
}
