//! `/done LESSON` and `/progress`: a member marks a lesson (a drop of a course) done once, for
//! learning XP of its own ledger kind; the last lesson of a course also pays the course's bonus,
//! in the same transaction. A lesson counts only once it reached the member and the access rule
//! (`core::access::may_see`) lets them see it and its course; `/progress` shows a lesson's text
//! only to those the rule lets see it.

use std::collections::HashSet;

use crate::commands::CommandContext;
use crate::core::access::{Viewer, may_see};
use crate::core::courses::Progress;
use crate::core::ids::{Platform, PlatformGrant};
use crate::ranking::Grant;
use crate::store::{CourseRow, LedgerKind};
use crate::{Courses, EngineResult, refuse};
use crate::{msg, tr};

/// The first line of a drop's text, cut to fit a list.
pub(super) fn headline(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    if line.chars().count() > 40 {
        line.chars().take(39).collect::<String>() + "…"
    } else {
        line.to_owned()
    }
}

impl Courses {
    /// The courses `viewer` may see.
    /// The courses the asker may see (their tier sees each course's gate).
    pub(crate) async fn visible_courses(
        &self,
        ctx: &CommandContext,
    ) -> EngineResult<Vec<CourseRow>> {
        let viewer = self.membership.viewer(ctx).await?;
        self.courses_for(&viewer).await
    }

    async fn courses_for(&self, viewer: &Viewer) -> EngineResult<Vec<CourseRow>> {
        Ok(self
            .kernel
            .store
            .courses()
            .await?
            .into_iter()
            .filter(|c| may_see(viewer, self.membership.gate(c.tier.as_deref())))
            .collect())
    }

    pub(crate) async fn done_command(
        &self,
        ctx: &CommandContext,
        lesson: i64,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let drop = self.drops.find_drop(lesson).await?;
        let viewer = self.membership.viewer(ctx).await?;
        let courses = self.courses_for(&viewer).await?;
        let Some(course) = courses.iter().find(|c| c.lessons.contains(&drop.id)) else {
            return refuse(msg!("done-not-a-lesson", lesson = lesson));
        };
        let visible = may_see(&viewer, self.membership.gate(drop.tier.as_deref()));
        if !visible || !self.kernel.store.was_delivered(drop.id).await? {
            return refuse(msg!("done-not-yet", lesson = lesson));
        }
        let mut scoring = self.ranking.begin_scoring(ctx.at).await?;
        if !scoring.tx.mark_done(ctx.member, drop.id, ctx.at).await? {
            return refuse(msg!("done-already", lesson = lesson));
        }
        let (done, total) = scoring.tx.course_progress(ctx.member, &course.id).await?;
        let finished = done == total
            && scoring
                .tx
                .finish_course(ctx.member, &course.id, ctx.at)
                .await?;
        let rules = &self.kernel.config.learning;
        let mut grants = vec![Grant::own(
            ctx,
            LedgerKind::Learning,
            rules.lesson_xp,
            drop.id.to_string(),
        )];
        if finished {
            grants.push(Grant::own(
                ctx,
                LedgerKind::Course,
                rules.course_bonus_xp,
                course.id.clone(),
            ));
        }
        scoring.award(ctx, &grants).await?;
        if finished {
            self.give_course_role(ctx, course).await;
        }
        let done_set: HashSet<i64> = self.kernel.store.lessons_done(ctx.member).await?;
        let progress = Progress::of(&course.lessons, &done_set);
        let mut reply = vec![tr!(
            lang,
            "done-recorded",
            lesson = lesson,
            xp = rules.lesson_xp
        )];
        reply.push(self.progress_line(lang, &viewer, course, &progress).await?);
        if finished {
            reply.push(tr!(
                lang,
                "done-course-finished",
                course = &course.title,
                xp = rules.course_bonus_xp
            ));
        }
        Ok(reply.join("\n"))
    }

    /// Gives every account of the asker the Discord role of a course declared with one in
    /// config; a refusal goes to the operators.
    async fn give_course_role(&self, ctx: &CommandContext, course: &CourseRow) {
        let Some(role) = self
            .kernel
            .config
            .courses
            .iter()
            .find(|c| c.id == course.id)
            .and_then(|c| c.discord_role.clone())
        else {
            return;
        };
        let grant = PlatformGrant::new(Platform::Discord, role);
        let accounts = match self.kernel.store.accounts_of(ctx.member).await {
            Ok(accounts) => accounts,
            Err(e) => {
                tracing::error!(error = %e, "cannot find accounts for a course role");
                return;
            }
        };
        let name = &ctx.sender.person.profile.display_name;
        for account in &accounts {
            if let Err(e) = self
                .kernel
                .platform
                .grant_course_role(account, &course.title, &grant)
                .await
            {
                tracing::warn!(%account, course = %course.id, error = %e, "course role failed");
                self.kernel
                    .tell_operators_with(|lang| {
                        tr!(
                            lang,
                            "course-role-failed",
                            name = name.as_str(),
                            account = account.to_string(),
                            course = course.title.as_str(),
                            error = e.describe(lang)
                        )
                    })
                    .await;
            }
        }
    }

    pub(crate) async fn progress_command(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        let viewer = self.membership.viewer(ctx).await?;
        let courses = self.courses_for(&viewer).await?;
        if courses.is_empty() {
            return Ok(tr!(lang, "progress-none"));
        }
        let done = self.kernel.store.lessons_done(ctx.member).await?;
        let mut lines = vec![tr!(lang, "progress-header")];
        for course in &courses {
            let progress = Progress::of(&course.lessons, &done);
            lines.push(self.progress_line(lang, &viewer, course, &progress).await?);
        }
        Ok(lines.join("\n"))
    }

    /// `Rust basics (rust-101): ▓▓▓░░░░░░░ 3/10 — next: #14 Ownership`. A next lesson `viewer`
    /// may not see is named by number and tier only (`next: #14 (Pro lesson)`):
    /// a course may be open to everyone while some of its lessons are not, and their text must
    /// not reach members below the tier, before or after delivery.
    async fn progress_line(
        &self,
        lang: crate::i18n::Lang,
        viewer: &Viewer,
        course: &CourseRow,
        progress: &Progress,
    ) -> EngineResult<String> {
        let head = tr!(
            lang,
            "progress-course",
            title = &course.title,
            course = &course.id,
            bar = progress.bar(),
            done = progress.done,
            total = progress.total
        );
        let tail = match progress.next {
            _ if progress.finished() => tr!(lang, "progress-finished"),
            Some(next) => match self.kernel.store.drop_by_id(next).await? {
                Some(drop) if !may_see(viewer, self.membership.gate(drop.tier.as_deref())) => {
                    // A tier no longer configured is named by its id.
                    let tier = drop.tier.as_deref().map_or("", |id| {
                        self.membership.tier_def(id).map_or(id, |t| t.name.as_str())
                    });
                    tr!(lang, "progress-next-gated", lesson = next, tier = tier)
                }
                drop => {
                    let text = drop.map(|d| headline(&d.text)).unwrap_or_default();
                    tr!(lang, "progress-next", lesson = next, text = text)
                }
            },
            None => tr!(lang, "progress-empty"),
        };
        Ok(format!("{head} — {tail}"))
    }
}
