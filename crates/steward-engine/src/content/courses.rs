//! `/course` for operators: start a course, add and remove its lessons (drops, in order), gate
//! it to a tier, and see how many members finished each lesson (where they drop out).

use super::lessons::headline;
use crate::commands::CommandContext;
use crate::core::commands::CourseCommand;
use crate::i18n::Lang;
use crate::store::CourseRow;
use crate::{Drops, Kernel, Memberships, Ranking};
use crate::{EngineResult, refuse};
use crate::{msg, tr};
use std::sync::Arc;

/// Courses of lessons: operators' `/course`, members' `/done` and `/progress`.
pub struct Courses {
    pub(super) kernel: Arc<Kernel>,
    pub(super) membership: Arc<Memberships>,
    pub(super) drops: Arc<Drops>,
    pub(super) ranking: Arc<Ranking>,
}

impl Courses {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        membership: Arc<Memberships>,
        drops: Arc<Drops>,
        ranking: Arc<Ranking>,
    ) -> Self {
        Self {
            kernel,
            membership,
            drops,
            ranking,
        }
    }
}

impl Courses {
    pub(crate) async fn course_command(
        &self,
        ctx: &CommandContext,
        command: CourseCommand,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        match command {
            CourseCommand::Create { id, title } => {
                let mut tx = self.kernel.store.begin().await?;
                if !tx.create_course(&id, &title, ctx.at).await? {
                    return refuse(msg!("course-exists", course = &id));
                }
                tx.commit().await?;
                Ok(tr!(lang, "course-created", course = &id, title = &title))
            }
            CourseCommand::Add { id, lesson } => {
                let course = self.course_or_refuse(&id).await?;
                let drop = self.drops.find_drop(lesson).await?;
                let mut tx = self.kernel.store.begin().await?;
                if let Some(other) = tx.course_of(drop.id).await? {
                    return refuse(msg!("course-lesson-taken", lesson = lesson, course = other));
                }
                let position = tx.add_lesson(&course.id, drop.id).await?;
                tx.commit().await?;
                Ok(tr!(
                    lang,
                    "course-lesson-added",
                    lesson = lesson,
                    position = position,
                    course = &course.id
                ))
            }
            CourseCommand::Remove { id, lesson } => {
                let course = self.course_or_refuse(&id).await?;
                let mut tx = self.kernel.store.begin().await?;
                if !tx.remove_lesson(&course.id, lesson).await? {
                    return refuse(msg!("course-lesson-not-in", lesson = lesson, course = &id));
                }
                tx.commit().await?;
                Ok(tr!(
                    lang,
                    "course-lesson-removed",
                    lesson = lesson,
                    course = &id
                ))
            }
            CourseCommand::Tier { id, tier } => {
                let course = self.course_or_refuse(&id).await?;
                let tier = match tier {
                    Some(tier) => Some(self.membership.tier(lang, &tier)?),
                    None => None,
                };
                let mut tx = self.kernel.store.begin().await?;
                tx.set_course_tier(&course.id, tier.map(|t| t.id.as_str()))
                    .await?;
                tx.commit().await?;
                Ok(match tier {
                    Some(tier) => tr!(lang, "course-tier-set", course = &id, tier = &tier.name),
                    None => tr!(lang, "course-tier-cleared", course = &id),
                })
            }
            CourseCommand::Stats { id } => self.course_stats(lang, &id).await,
        }
    }

    async fn course_or_refuse(&self, id: &str) -> EngineResult<CourseRow> {
        let courses = self.kernel.store.courses().await?;
        let known: Vec<&str> = courses.iter().map(|c| c.id.as_str()).collect();
        match courses.iter().find(|c| c.id == id) {
            Some(course) => Ok(course.clone()),
            None if known.is_empty() => refuse(msg!("course-none-yet", course = id)),
            None => refuse(msg!(
                "course-unknown",
                course = id,
                known = known.join(", ")
            )),
        }
    }

    /// Completion per lesson, in order: where members stop.
    async fn course_stats(&self, lang: Lang, id: &str) -> EngineResult<String> {
        let course = self.course_or_refuse(id).await?;
        let completion = self.kernel.store.lesson_completion(&course.id).await?;
        let mut lines = vec![tr!(
            lang,
            "course-stats-header",
            title = &course.title,
            course = &course.id,
            lessons = completion.len()
        )];
        if completion.is_empty() {
            lines.push(tr!(lang, "course-stats-empty", course = &course.id));
        }
        for (position, (drop, members)) in completion.iter().enumerate() {
            let text = self
                .kernel
                .store
                .drop_by_id(*drop)
                .await?
                .map(|d| headline(&d.text))
                .unwrap_or_default();
            lines.push(tr!(
                lang,
                "course-stats-line",
                position = position + 1,
                lesson = *drop,
                text = text,
                members = *members
            ));
        }
        Ok(lines.join("\n"))
    }
}
