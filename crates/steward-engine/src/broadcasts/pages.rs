//! The dashboard's side of broadcasts, for operators only: one page of a segment's members, a
//! broadcast from the segment page's form, and a broadcast's progress in the viewer's language.

use chrono::NaiveDate;

use super::Broadcasts;
use crate::EngineError;
use crate::commands::Acting;
use crate::core::access::Viewer;
use crate::core::analytics::segments::Segment;
use crate::core::commands::MAX_BROADCAST;
use crate::core::ids::MemberId;
use crate::core::names::is_blank;
use crate::tr;
use crate::web::PageError;

/// One page of a segment, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentPage {
    pub segment: Segment,
    pub members: Vec<SegmentMember>,
    /// Members in the segment in all.
    pub total: i64,
    pub offset: u32,
}

/// One member of a segment, with their tiers' names and days in the community's calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentMember {
    pub member: MemberId,
    pub name: String,
    pub last_active: Option<NaiveDate>,
    pub tiers: Vec<String>,
    /// The day their soonest-ending tier ends.
    pub ends: Option<NaiveDate>,
}

/// Members on one page of a segment.
pub const SEGMENT_PAGE: u32 = 50;

impl Broadcasts {
    /// One page of the segment `name`, for operators.
    pub async fn segment_page(
        &self,
        viewer: &Viewer,
        name: &str,
        offset: u32,
    ) -> Result<SegmentPage, PageError> {
        operator_only(viewer)?;
        let segment = self.segment(name).map_err(|_| PageError::NotFound)?;
        let now = self.kernel.now();
        let (rows, total) = self
            .kernel
            .store
            .segment_members(&self.filter(&segment), now, offset, SEGMENT_PAGE)
            .await?;
        let calendar = self.kernel.config.calendar;
        let tier_name = |id: &String| {
            self.kernel
                .config
                .membership
                .tiers
                .iter()
                .find(|t| &t.id == id)
                .map_or_else(|| id.clone(), |t| t.name.clone())
        };
        let members = rows
            .into_iter()
            .map(|r| SegmentMember {
                member: r.member,
                name: r.name,
                last_active: r.last_active,
                tiers: r.tiers.iter().map(tier_name).collect(),
                ends: r.ends_at.map(|at| calendar.day(at)),
            })
            .collect();
        Ok(SegmentPage {
            segment,
            members,
            total,
            offset,
        })
    }

    /// A broadcast from the segment page's form, by the viewing operator; the reply in their
    /// language, or why not.
    pub async fn web_broadcast(
        &self,
        viewer: &Viewer,
        segment: &str,
        text: &str,
    ) -> Result<(i64, String), PageError> {
        operator_only(viewer)?;
        let actor = viewer.member.ok_or(PageError::LoginNeeded)?;
        let lang = self.kernel.language_of(actor).await;
        let acting = Acting {
            member: actor,
            at: self.kernel.now(),
            lang,
        };
        let text = text.trim();
        if is_blank(text) {
            return Err(PageError::Refused(tr!(lang, "segment-broadcast-blank")));
        }
        if text.chars().count() > MAX_BROADCAST {
            return Err(PageError::Refused(tr!(
                lang,
                "parse-broadcast-long",
                max = MAX_BROADCAST
            )));
        }
        match self.start(acting, segment, text).await {
            Ok(done) => Ok(done),
            Err(EngineError::Refused(why)) => Err(PageError::Refused(why.render(lang))),
            Err(EngineError::Store(e)) => Err(PageError::Store(e)),
        }
    }

    /// A broadcast's status in the viewing operator's language.
    pub async fn web_status(&self, viewer: &Viewer, id: i64) -> Result<String, PageError> {
        operator_only(viewer)?;
        let actor = viewer.member.ok_or(PageError::LoginNeeded)?;
        let lang = self.kernel.language_of(actor).await;
        match self.kernel.store.broadcast_status(id).await? {
            Some(status) => Ok(self.status_words(lang, &status)),
            None => Err(PageError::NotFound),
        }
    }
}

fn operator_only(viewer: &Viewer) -> Result<(), PageError> {
    match (viewer.operator, viewer.member) {
        (true, Some(_)) => Ok(()),
        (false, Some(_)) => Err(PageError::Forbidden),
        _ => Err(PageError::LoginNeeded),
    }
}
