//! Reading questions back: `/questions [open|mine|tag X]`, the web's `/questions` page and the
//! open questions `/recommend` suggests. Every list asks the
//! access rule of each question (a Pro chat's question is shown to Pro members and operators),
//! and shows a hidden member as anonymous.

use super::Questions;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::access::Viewer;
use crate::core::commands::QuestionsFilter;
use crate::core::questions::BountyState;
use crate::i18n::{Lang, date};
use crate::store::{QuestionQuery, QuestionRow};
use crate::tr;
use crate::web::PageError;

/// Most questions one list shows.
const SHOWN: usize = 10;

/// Rows read to fill a list after the access rule: enough that gated questions do not empty it.
const READ: u32 = 200;

/// A question as a page shows it to one viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionView {
    pub id: i64,
    pub title: String,
    pub tags: Vec<String>,
    /// The asker's name, or "anonymous" for a hidden member.
    pub asker: String,
    /// The day asked, in the page's language.
    pub day: String,
    pub answers: i64,
    /// Points still offered (held), else 0.
    pub bounty: i64,
    /// The accepted answer: who gave it (or "anonymous") and what it said.
    pub accepted: Option<(String, String)>,
}

impl Questions {
    pub(crate) async fn list_command(
        &self,
        ctx: &CommandContext,
        filter: QuestionsFilter,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let viewer = self.membership.viewer(ctx).await?;
        let query = QuestionQuery {
            open: filter == QuestionsFilter::Open,
            asker: (filter == QuestionsFilter::Mine).then_some(ctx.member),
            tag: match &filter {
                QuestionsFilter::Tag(tag) => Some(tag.as_str()),
                _ => None,
            },
            limit: READ,
        };
        let shown = self.shown(lang, &viewer, query).await?;
        if shown.is_empty() {
            return Ok(tr!(lang, "questions-none"));
        }
        let mut lines = vec![tr!(lang, "questions-header")];
        for q in &shown {
            let state = match (&q.accepted, q.bounty) {
                (Some((name, _)), _) => tr!(lang, "questions-state-accepted", name = name.as_str()),
                (None, 0) => tr!(lang, "questions-state-open", answers = q.answers),
                (None, bounty) => tr!(
                    lang,
                    "questions-state-bounty",
                    answers = q.answers,
                    bounty = bounty
                ),
            };
            lines.push(tr!(
                lang,
                "questions-line",
                id = q.id,
                title = q.title.as_str(),
                asker = q.asker.as_str(),
                state = state
            ));
        }
        lines.push(tr!(lang, "questions-footer"));
        Ok(lines.join("\n"))
    }

    /// The `/questions` page for `viewer`: the latest questions they may see.
    pub async fn page(&self, viewer: &Viewer, lang: Lang) -> Result<Vec<QuestionView>, PageError> {
        let rule = self.kernel.config.web.leaderboards;
        if !rule.allows(viewer) {
            return Err(if rule.login_helps(viewer) {
                PageError::LoginNeeded
            } else {
                PageError::Forbidden
            });
        }
        let query = QuestionQuery {
            limit: READ,
            ..QuestionQuery::default()
        };
        Ok(self.shown(lang, viewer, query).await?)
    }

    /// Open questions `viewer` may see that carry one of `tags`, newest first, at most `n`.
    pub(crate) async fn open_tagged(
        &self,
        viewer: &Viewer,
        tags: &[String],
        n: usize,
    ) -> EngineResult<Vec<(i64, String, String)>> {
        if tags.is_empty() {
            return Ok(Vec::new());
        }
        let query = QuestionQuery {
            open: true,
            limit: READ,
            ..QuestionQuery::default()
        };
        Ok(self
            .kernel
            .store
            .questions(query)
            .await?
            .into_iter()
            .filter(|q| self.visible(viewer, q) && !viewer.is(q.asker))
            .filter_map(|q| {
                let tag = q.tags.iter().find(|t| tags.contains(t))?.clone();
                Some((q.id, q.title, tag))
            })
            .take(n)
            .collect())
    }

    /// The questions `query` reads that `viewer` may see, as shown to them.
    async fn shown(
        &self,
        lang: Lang,
        viewer: &Viewer,
        query: QuestionQuery<'_>,
    ) -> EngineResult<Vec<QuestionView>> {
        let rows = self.kernel.store.questions(query).await?;
        Ok(rows
            .into_iter()
            .filter(|q| self.visible(viewer, q))
            .take(SHOWN)
            .map(|q| self.view(lang, viewer, q))
            .collect())
    }

    fn view(&self, lang: Lang, viewer: &Viewer, q: QuestionRow) -> QuestionView {
        let accepted = q.accepted.as_ref().map(|a| {
            let name = Self::shown_name(
                lang,
                viewer,
                a.answerer,
                &a.answerer_name,
                a.answerer_hidden,
            );
            (name, a.text.clone())
        });
        // An accepted answer whose answerer's data was erased stays accepted, without words.
        let accepted = match (accepted, q.accepted_at) {
            (None, Some(_)) => Some((tr!(lang, "questions-anonymous"), String::new())),
            (accepted, _) => accepted,
        };
        QuestionView {
            id: q.id,
            asker: Self::shown_name(lang, viewer, q.asker, &q.asker_name, q.asker_hidden),
            day: date(lang, self.kernel.config.calendar.day(q.asked_at)),
            answers: q.answers,
            bounty: if q.bounty_state == BountyState::Held {
                q.bounty
            } else {
                0
            },
            accepted,
            title: q.title,
            tags: q.tags,
        }
    }
}
