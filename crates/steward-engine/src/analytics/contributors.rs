//! The range's top contributors, for operators: by XP earned, thanks received and submissions
//! accepted. A page of its own: it reads the range's ledger rows, which a year's dashboard
//! must not wait for.

use chrono::Days;

use super::dashboard::Operations;
use crate::core::access::Viewer;
use crate::core::analytics::range::DayRange;
use crate::core::ids::MemberId;
use crate::store::TopRow;
use crate::web::PageError;

/// Members on each list.
pub const TOP: u32 = 10;

/// One member on a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopMember {
    pub member: MemberId,
    pub name: String,
    pub value: i64,
}

impl From<TopRow> for TopMember {
    fn from(r: TopRow) -> Self {
        Self {
            member: r.member,
            name: r.name,
            value: r.value,
        }
    }
}

/// The three lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contributors {
    pub range: DayRange,
    pub by_xp: Vec<TopMember>,
    pub by_thanks: Vec<TopMember>,
    pub by_submissions: Vec<TopMember>,
}

impl Operations {
    /// The top contributors of `range`, for operators only.
    pub async fn contributors(
        &self,
        viewer: &Viewer,
        range: DayRange,
    ) -> Result<Contributors, PageError> {
        match (viewer.operator, viewer.member) {
            (true, _) => {}
            (false, Some(_)) => return Err(PageError::Forbidden),
            (false, None) => return Err(PageError::LoginNeeded),
        }
        let calendar = self.kernel.config.calendar;
        let (start, end) = (
            calendar.start_of_day(range.from),
            calendar.start_of_day(range.to + Days::new(1)),
        );
        let store = &self.kernel.store;
        Ok(Contributors {
            range,
            by_xp: listed(store.top_earners(start, end, TOP).await?),
            by_thanks: listed(store.top_thanked(range.from, range.to, TOP).await?),
            by_submissions: listed(store.top_submitters(start, end, TOP).await?),
        })
    }
}

fn listed(rows: Vec<TopRow>) -> Vec<TopMember> {
    rows.into_iter().map(TopMember::from).collect()
}
