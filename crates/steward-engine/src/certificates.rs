//! Course certificates: `/certificate [COURSE] [as NAME]` issues one to a member who finished
//! the course (once per course and printed name: asking again finds it), posts it as a PNG and
//! gives the link to its public page; `/certificate revoke ID REASON` (operators); and the
//! page's facts, which say only what is printed and whether it stands (`core::certificates`).

use std::sync::Arc;

use chrono::DateTime;
use chrono::Utc;
use rand::RngCore;

use crate::card::{CertificateData, CertificateLabels};
use crate::commands::CommandContext;
use crate::core::certificates::{self, Certificate, ID_BYTES};
use crate::core::commands::CertificateCommand;
use crate::i18n::{Lang, date};
use crate::store::NewCertificate;
use crate::{Cards, Courses, DropTarget, EngineResult, Kernel, OutboundFile, refuse};
use crate::{msg, tr};

/// Certificates: issued, revoked, and shown to whoever checks one.
pub struct Certificates {
    kernel: Arc<Kernel>,
    /// The renderer rank cards are drawn with draws certificates too.
    cards: Arc<Cards>,
    /// Which courses the asker may see: a course their tier does not see is as if it did not
    /// exist, here as in `/progress`.
    courses: Arc<Courses>,
}

/// What a certificate's public page shows: the printed facts, in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificatePage {
    pub certificate: Certificate,
    /// The day finished, written in the page's language.
    pub day: String,
    pub community: String,
    /// When it was revoked, written in the page's language.
    pub revoked_day: Option<String>,
}

impl Certificates {
    pub(crate) fn new(kernel: Arc<Kernel>, cards: Arc<Cards>, courses: Arc<Courses>) -> Self {
        Self {
            kernel,
            cards,
            courses,
        }
    }

    pub(crate) async fn command(
        &self,
        ctx: &CommandContext,
        command: CertificateCommand,
    ) -> EngineResult<String> {
        match command {
            CertificateCommand::Issue { course, name } => {
                self.issue(ctx, course.as_deref(), name.as_deref()).await
            }
            CertificateCommand::Revoke { id, reason } => self.revoke(ctx, &id, &reason).await,
        }
    }

    async fn issue(
        &self,
        ctx: &CommandContext,
        course: Option<&str>,
        name: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let store = &self.kernel.store;
        let courses = self.courses.visible_courses(ctx).await?;
        let finished: Vec<String> = store
            .courses_finished(ctx.member)
            .await?
            .into_iter()
            .filter(|id| courses.iter().any(|c| c.id == *id))
            .collect();
        let course_id = match course {
            Some(course) => course.to_lowercase(),
            None => match finished.as_slice() {
                [] => return refuse(msg!("certificate-none")),
                [one] => one.clone(),
                many => return refuse(msg!("certificate-which", courses = many.join(", "))),
            },
        };
        let Some(course) = courses.iter().find(|c| c.id == course_id) else {
            return refuse(msg!("certificate-unknown-course", course = &course_id));
        };
        let Some(finished_at) = store.course_finished_at(ctx.member, &course.id).await? else {
            return refuse(msg!(
                "certificate-not-finished",
                course = &course.title,
                id = &course.id
            ));
        };
        // A course with an exam counts once the member sat it: rated the exam's drop.
        let configured = self
            .kernel
            .config
            .courses
            .iter()
            .find(|c| c.id == course.id);
        if let Some(exam) = configured.and_then(|c| c.exam)
            && !store.has_rated(ctx.member, exam).await?
        {
            return refuse(msg!(
                "certificate-exam",
                course = &course.title,
                exam = exam
            ));
        }
        // A course that needs review counts once an operator approved the member's hand-in.
        if configured.is_some_and(|c| c.requires_review)
            && !store.hand_in_approved(ctx.member, &course.id).await?
        {
            return refuse(msg!(
                "certificate-review",
                course = &course.title,
                id = &course.id
            ));
        }
        let shown = &ctx.sender.person.profile.display_name;
        let name = match name {
            Some(name) => name.to_owned(),
            // A chat name that cannot be printed as it is (invisible or reordering characters)
            // is not printed some other way: the member says the name to print.
            None => match certificates::printed_name(shown) {
                Ok(name) => name,
                Err(_) => return refuse(msg!("certificate-name-needed", id = &course.id)),
            },
        };
        let mut bytes = [0u8; ID_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        let mut tx = store.begin().await?;
        let id = tx
            .issue_certificate(NewCertificate {
                id: &certificates::written(bytes),
                member: ctx.member,
                course: &course.id,
                name: &name,
                course_title: &course.title,
                finished_at,
                at: ctx.at,
            })
            .await?;
        tx.commit().await?;
        let link = self.link(&id);
        let data = CertificateData {
            name: name.clone(),
            course: course.title.clone(),
            day: self.day(lang, finished_at),
            community: self.kernel.config.community_name.clone(),
            id: id.clone(),
            labels: CertificateLabels {
                title: tr!(lang, "certificate-title"),
                completed: tr!(lang, "certificate-completed"),
                verify: tr!(lang, "certificate-verify", link = self.link("")),
            },
        };
        if let Some(png) = self.cards.render_certificate(data).await {
            let file = OutboundFile {
                name: format!("certificate-{id}.png"),
                bytes: png,
                caption: String::new(),
                image: true,
            };
            let here = DropTarget::Chat(ctx.chat.clone());
            if let Err(error) = self.kernel.platform.send_file(&here, &file).await {
                tracing::warn!(%error, "a certificate could not be posted");
            }
        }
        Ok(tr!(
            lang,
            "certificate-issued",
            course = &course.title,
            name = &name,
            link = link
        ))
    }

    async fn revoke(&self, ctx: &CommandContext, id: &str, reason: &str) -> EngineResult<String> {
        if !self.kernel.is_operator(&ctx.sender) {
            return refuse(msg!("certificate-revoke-operators"));
        }
        let Some(id) = certificates::normalize(id) else {
            return refuse(msg!("certificate-id-invalid"));
        };
        let mut tx = self.kernel.store.begin().await?;
        if !tx
            .revoke_certificate(&id, ctx.member, reason, ctx.at)
            .await?
        {
            return refuse(msg!("certificate-revoke-none", id = &id));
        }
        tx.commit().await?;
        Ok(tr!(
            ctx.lang,
            "certificate-revoked",
            id = &id,
            link = self.link(&id)
        ))
    }

    /// The public page's facts for `id` in `lang`, if there is such a certificate.
    pub async fn page(&self, lang: Lang, id: &str) -> EngineResult<Option<CertificatePage>> {
        let Some(id) = certificates::normalize(id) else {
            return Ok(None);
        };
        let Some(certificate) = self.kernel.store.certificate(&id).await? else {
            return Ok(None);
        };
        Ok(Some(CertificatePage {
            day: self.day(lang, certificate.finished_at),
            revoked_day: certificate.revoked.as_ref().map(|r| self.day(lang, r.at)),
            community: self.kernel.config.community_name.clone(),
            certificate,
        }))
    }

    fn day(&self, lang: Lang, at: DateTime<Utc>) -> String {
        date(lang, self.kernel.config.calendar.day(at))
    }

    fn link(&self, id: &str) -> String {
        format!("{}/certificates/{id}", self.kernel.config.web.public_url)
    }
}
