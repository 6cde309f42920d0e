//! Member submissions and their review: `/submit` queues a member's content (a few pending per
//! member), `/rules` shows what review judges against, and operators `/review list|approve|
//! reject`. Nothing is posted without approval; approving schedules it as a drop, pays the
//! author contribution XP and tells them, all in one transaction; rejecting tells them why.
//! A hand-in for a course is approved without a drop (`hand_ins.rs`).

use super::drop_content::{DropContent, copied};
use super::lessons::headline;
use crate::commands::CommandContext;
use crate::core::commands::ReviewCommand;
use crate::core::drops::grammar::DropRequest;
use crate::core::media::Media;
use crate::i18n::{Lang, datetime};
use crate::ranking::Grant;
use crate::store::{LedgerKind, SubmissionRow};
use crate::{Drops, Kernel, Ranking};
use crate::{EngineResult, refuse};
use crate::{msg, tr};
use std::sync::Arc;

/// Members' submissions under review, and the rules they are reviewed by.
pub struct Submissions {
    pub(super) kernel: Arc<Kernel>,
    pub(super) drops: Arc<Drops>,
    pub(super) ranking: Arc<Ranking>,
}

impl Submissions {
    pub(crate) fn new(kernel: Arc<Kernel>, drops: Arc<Drops>, ranking: Arc<Ranking>) -> Self {
        Self {
            kernel,
            drops,
            ranking,
        }
    }
}

/// Submissions `/review list` shows at once.
const LISTED: u32 = 10;

/// Characters of each submission `/review list` shows.
const PREVIEW_CHARS: usize = 200;

impl Submissions {
    pub(crate) async fn submit_command(
        &self,
        ctx: &CommandContext,
        text: &str,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let (course, text) = match self.hand_in_course(ctx, text).await? {
            Some((course, rest)) => (Some(course), rest),
            None => (None, text.to_owned()),
        };
        let (text, source) = match &ctx.quoted {
            Some(quoted) if text.is_empty() => (quoted.text.clone(), Some(copied(quoted))),
            _ if text.is_empty() => return refuse(msg!("submit-needs-text")),
            _ => (text, None),
        };
        let cap = self.kernel.config.submissions.max_pending;
        let mut tx = self.kernel.store.begin().await?;
        let Some(id) = tx
            .submit(
                ctx.member,
                &text,
                source.as_ref(),
                course.as_deref(),
                cap,
                ctx.at,
            )
            .await?
        else {
            return refuse(msg!("submit-full", count = cap));
        };
        if let Some(quoted) = ctx.quoted.as_ref().filter(|q| !q.media.is_empty()) {
            let media = crate::core::media::cleaned(&quoted.media);
            tx.add_submission_media(id, quoted.chat.platform.as_str(), &media)
                .await?;
        }
        tx.commit().await?;
        let author = &ctx.sender.person.profile.display_name;
        let preview = headline(&text);
        self.kernel
            .tell_operators_with(|lang| {
                tr!(
                    lang,
                    "submit-to-operators",
                    id = id,
                    author = author.as_str(),
                    text = preview.as_str()
                )
            })
            .await;
        Ok(match course {
            Some(course) => tr!(lang, "hand-in-queued", id = id, course = course),
            None => tr!(lang, "submit-queued", id = id),
        })
    }

    pub(crate) fn rules_command(&self, lang: Lang) -> String {
        let rules = &self.kernel.config.submissions.rules;
        if rules.is_empty() {
            return tr!(lang, "rules-none");
        }
        let mut lines = vec![tr!(
            lang,
            "rules-header",
            community = &self.kernel.config.community_name
        )];
        lines.extend(
            rules
                .iter()
                .enumerate()
                .map(|(n, rule)| format!("{}. {rule}", n + 1)),
        );
        lines.join("\n")
    }

    pub(crate) async fn review_command(
        &self,
        ctx: &CommandContext,
        command: ReviewCommand,
    ) -> EngineResult<String> {
        match command {
            ReviewCommand::List => self.review_list(ctx.lang).await,
            ReviewCommand::Approve { id, request } => self.approve(ctx, id, request).await,
            ReviewCommand::Reject { id, reason } => self.reject(ctx, id, &reason).await,
        }
    }

    async fn review_list(&self, lang: Lang) -> EngineResult<String> {
        let pending = self.kernel.store.pending_submissions(LISTED).await?;
        if pending.is_empty() {
            return Ok(tr!(lang, "review-empty"));
        }
        let total = self.kernel.store.pending_count().await?;
        let tz = self.kernel.config.calendar.tz;
        let mut lines = vec![tr!(lang, "review-header", count = total)];
        for s in &pending {
            let mut text: String = s.text.chars().take(PREVIEW_CHARS).collect();
            if s.text.chars().count() > PREVIEW_CHARS {
                text.push('…');
            }
            if let Some(course) = &s.course {
                text = tr!(
                    lang,
                    "review-hand-in",
                    course = course.as_str(),
                    text = text
                );
            }
            lines.push(tr!(
                lang,
                "review-line",
                id = s.id,
                author = s.author_name.as_str(),
                at = datetime(lang, s.at, tz),
                text = text
            ));
        }
        lines.push(tr!(lang, "review-how"));
        Ok(lines.join("\n"))
    }

    /// Why a submission cannot be decided: unknown, or decided already.
    pub(super) async fn undecidable(&self, id: i64) -> EngineResult<String> {
        match self.kernel.store.submission(id).await? {
            None => refuse(msg!("review-unknown", id = id)),
            Some(s) => refuse(msg!("review-decided", id = id, state = s.state)),
        }
    }

    async fn approve(
        &self,
        ctx: &CommandContext,
        id: i64,
        request: DropRequest,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let Some(submission) = self.kernel.store.submission(id).await? else {
            return self.undecidable(id).await;
        };
        if let Some(course) = &submission.course {
            return self.approve_hand_in(ctx, id, course).await;
        }
        let planned = self.drops.plan_drop(ctx, &request)?;
        let text = self.credited(&submission);
        let files = self.kernel.store.submission_media(id).await?;
        let files_on = files
            .first()
            .and_then(|(platform, _)| platform.parse().ok())
            .unwrap_or(ctx.chat.platform);
        let media: Vec<Media> = files.into_iter().map(|(_, m)| m).collect();
        let mut scoring = self.ranking.begin_scoring(ctx.at).await?;
        let drop_id = self
            .drops
            .insert_planned(
                &mut scoring.tx,
                ctx,
                &request,
                &planned,
                DropContent {
                    text: &text,
                    source: submission.source.clone(),
                    media: &media,
                    files_on,
                },
            )
            .await?;
        let decided = scoring
            .tx
            .decide_submission(id, "approved", ctx.member, None, Some(drop_id), ctx.at)
            .await?;
        let Some(submission) = decided else {
            // Another operator decided first: dropping the transaction forgets the drop too.
            drop(scoring);
            return self.undecidable(id).await;
        };
        let xp = self.kernel.config.submissions.xp;
        let grant = Grant {
            member: submission.author,
            name: &submission.author_name,
            xp,
            balance: xp,
            kind: LedgerKind::Contribution,
            reference: Some(id.to_string()),
            reason: None,
            actor: Some(ctx.member),
        };
        scoring.award_one(ctx, grant).await?;
        self.kernel.wake.notify_one();
        let told = msg!("submission-approved", id = id, drop = drop_id, xp = xp);
        if let Err(e) = self.kernel.tell(submission.author, &told).await {
            tracing::warn!(error = %e, "telling the author of an approval failed");
        }
        let mut reply = format!(
            "{}\n{}",
            tr!(
                lang,
                "review-approved",
                id = id,
                author = submission.author_name.as_str(),
                xp = xp
            ),
            self.drops
                .scheduled_reply(lang, drop_id, &request, &planned)
        );
        // Its files are fetched now, before the member's message can be deleted.
        if !media.is_empty() {
            let copied = submission
                .source
                .as_ref()
                .and_then(|s| s.platform.parse().ok());
            for note in self
                .drops
                .media_notes(lang, drop_id, copied, &planned.targets)
                .await?
            {
                reply.push('\n');
                reply.push_str(&note);
            }
        }
        Ok(reply)
    }

    /// The drop's text: the submission, credited to its author unless they keep their name
    /// off public lists.
    fn credited(&self, submission: &SubmissionRow) -> String {
        if submission.author_hidden || submission.author_name.is_empty() {
            return submission.text.clone();
        }
        let credit = tr!(
            self.kernel.community_language(),
            "submission-credit",
            name = submission.author_name.as_str()
        );
        format!("{}\n\n{credit}", submission.text)
    }

    async fn reject(&self, ctx: &CommandContext, id: i64, reason: &str) -> EngineResult<String> {
        let lang = ctx.lang;
        let mut tx = self.kernel.store.begin().await?;
        let Some(submission) = tx
            .decide_submission(id, "rejected", ctx.member, Some(reason), None, ctx.at)
            .await?
        else {
            drop(tx);
            return self.undecidable(id).await;
        };
        tx.commit().await?;
        let told = msg!("submission-rejected", id = id, reason = reason);
        if let Err(e) = self.kernel.tell(submission.author, &told).await {
            tracing::warn!(error = %e, "telling the author of a rejection failed");
        }
        Ok(tr!(
            lang,
            "review-rejected",
            id = id,
            author = submission.author_name.as_str()
        ))
    }
}
