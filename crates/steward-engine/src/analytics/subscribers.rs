//! `/dashboard/members`: the members who hold or held a tier, with the subscription behind it
//! and what they paid; and the operator's actions on one of them (grant, extend, revoke, refund),
//! each the same call as its chat command, so the ledger rows, DMs and access changes are the
//! same. Operators only, checked on every call: the web session is re-checked per request.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

use crate::commands::Acting;
use crate::core::access::Viewer;
use crate::core::analytics::subscribers::SubscriberOrder;
use crate::core::duration::Term;
use crate::core::ids::MemberId;
use crate::identity::Target;
use crate::store::{PaymentRow, SubscriberQuery, SubscriberRow};
use crate::web::PageError;
use crate::{EngineError, Kernel, Memberships, Storefront};

/// Rows on one page of the list.
pub const SUBSCRIBERS_PER_PAGE: u32 = 50;

/// Rows in the list's CSV at most.
const CSV_ROWS: u32 = 1_000_000;

/// Payments shown on a member's row.
const PAYMENTS_SHOWN: u32 = 50;

/// The subscriber list and the actions on it.
pub struct Subscribers {
    kernel: Arc<Kernel>,
    membership: Arc<Memberships>,
    storefront: Arc<Storefront>,
}

/// One membership on the list, its days in the community's calendar, and what the member paid
/// in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriberLine {
    pub member: MemberId,
    pub name: String,
    pub tier: String,
    pub tier_name: String,
    /// Whether it runs now.
    pub running: bool,
    pub started: NaiveDate,
    /// The day it ends (or ended, when expired); `None`: lifetime.
    pub until: Option<NaiveDate>,
    /// The day it was ended (expired or revoked), if it was.
    pub ended: Option<NaiveDate>,
    /// The provider of the subscription paying for it (`telegram_stars`, `stripe`, ...), if any.
    pub provider: Option<String>,
    pub renews: bool,
    pub paid_until: Option<NaiveDate>,
    /// `(currency, minor units)`: payments and renewals less refunds, per currency.
    pub paid: Vec<(String, i64)>,
}

/// A page of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriberList {
    pub lines: Vec<SubscriberLine>,
    /// Rows matching the search in all.
    pub total: i64,
    pub offset: u32,
}

/// One member's memberships, payments and the tiers an operator may grant.
#[derive(Debug, Clone)]
pub struct SubscriberDetail {
    pub member: MemberId,
    pub name: String,
    pub lines: Vec<SubscriberLine>,
    /// Their latest payments, newest first, with the community day of each.
    pub payments: Vec<(PaymentRow, NaiveDate)>,
    /// `(id, name)` of every configured tier.
    pub tiers: Vec<(String, String)>,
}

/// What an operator does to a member from the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubscriberAction {
    Grant {
        tier: String,
        term: Term,
    },
    Extend {
        tier: String,
        term: Term,
    },
    /// Ends one tier, or every running one.
    Revoke {
        tier: Option<String>,
    },
    /// Refunds one of this member's payments.
    Refund {
        payment: i64,
    },
}

impl Subscribers {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        membership: Arc<Memberships>,
        storefront: Arc<Storefront>,
    ) -> Self {
        Self {
            kernel,
            membership,
            storefront,
        }
    }

    /// One page of the list: `search` in names, handles or `#ID`, in `order`, from `offset`.
    pub async fn list(
        &self,
        viewer: &Viewer,
        search: &str,
        order: SubscriberOrder,
        offset: u32,
    ) -> Result<SubscriberList, PageError> {
        operator(viewer)?;
        self.lines(search, order, offset, SUBSCRIBERS_PER_PAGE)
            .await
    }

    /// Every row of the search, for the CSV.
    pub async fn all(
        &self,
        viewer: &Viewer,
        search: &str,
        order: SubscriberOrder,
    ) -> Result<SubscriberList, PageError> {
        operator(viewer)?;
        self.lines(search, order, 0, CSV_ROWS).await
    }

    async fn lines(
        &self,
        search: &str,
        order: SubscriberOrder,
        offset: u32,
        limit: u32,
    ) -> Result<SubscriberList, PageError> {
        let query = SubscriberQuery {
            search: search.to_owned(),
            order,
            offset,
            limit,
            plan_tiers: self
                .kernel
                .config
                .plans
                .iter()
                .map(|p| (p.id.clone(), p.tier.clone()))
                .collect(),
        };
        let (rows, total) = self.kernel.store.subscribers(&query).await?;
        let lines = self.with_totals(rows).await?;
        Ok(SubscriberList {
            lines,
            total,
            offset,
        })
    }

    async fn with_totals(
        &self,
        rows: Vec<SubscriberRow>,
    ) -> Result<Vec<SubscriberLine>, PageError> {
        let mut members: Vec<MemberId> = rows.iter().map(|r| r.member).collect();
        members.dedup();
        let totals = self.kernel.store.paid_totals(&members).await?;
        let now = self.kernel.now();
        let day = |at: DateTime<Utc>| self.kernel.config.calendar.day(at);
        Ok(rows
            .into_iter()
            .map(|row| SubscriberLine {
                member: row.member,
                tier_name: self.tier_name(&row.tier),
                running: row.ended_at.is_none() && row.expires_at.is_none_or(|e| e > now),
                started: day(row.started_at),
                until: row.expires_at.map(day),
                ended: row.ended_at.map(day),
                provider: row.provider,
                renews: row.renews,
                paid_until: row.paid_until.map(day),
                paid: totals
                    .iter()
                    .filter(|t| t.member == row.member)
                    .map(|t| (t.currency.clone(), t.minor))
                    .collect(),
                name: row.name,
                tier: row.tier,
            })
            .collect())
    }

    fn tier_name(&self, id: &str) -> String {
        self.membership
            .tier_def(id)
            .map_or_else(|| id.to_owned(), |t| t.name.clone())
    }

    /// One member's row: their memberships, latest payments and the tiers on offer.
    pub async fn detail(
        &self,
        viewer: &Viewer,
        member: MemberId,
    ) -> Result<SubscriberDetail, PageError> {
        operator(viewer)?;
        let target = self.target(member).await?;
        let (rows, _) = self
            .kernel
            .store
            .subscribers(&SubscriberQuery {
                search: format!("#{}", member.0),
                limit: 100,
                plan_tiers: self
                    .kernel
                    .config
                    .plans
                    .iter()
                    .map(|p| (p.id.clone(), p.tier.clone()))
                    .collect(),
                ..SubscriberQuery::default()
            })
            .await?;
        // `#ID` also matches names containing the digits: keep this member's rows.
        let rows = rows.into_iter().filter(|r| r.member == member).collect();
        let lines = self.with_totals(rows).await?;
        let payments = self
            .kernel
            .store
            .payments(Some(member), PAYMENTS_SHOWN)
            .await?
            .into_iter()
            .map(|p| {
                let on = self.kernel.config.calendar.day(p.at);
                (p, on)
            })
            .collect();
        let tiers = self
            .kernel
            .config
            .membership
            .tiers
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect();
        Ok(SubscriberDetail {
            member,
            name: target.name,
            lines,
            payments,
            tiers,
        })
    }

    /// Carries out `action` on `member` as the viewing operator; the reply in their language,
    /// or why it was refused.
    pub async fn act(
        &self,
        viewer: &Viewer,
        member: MemberId,
        action: SubscriberAction,
    ) -> Result<String, PageError> {
        operator(viewer)?;
        let actor = viewer.member.ok_or(PageError::LoginNeeded)?;
        let lang = self.kernel.language_of(actor).await;
        let acting = Acting {
            member: actor,
            at: self.kernel.now(),
            lang,
        };
        let target = self.target(member).await?;
        let membership = &self.membership;
        let done = match action {
            SubscriberAction::Grant { tier, term } => match membership.tier(lang, &tier) {
                Ok(def) => membership.grant_to(acting, &target, def, term, false).await,
                Err(e) => Err(e),
            },
            SubscriberAction::Extend { tier, term } => match membership.tier(lang, &tier) {
                Ok(def) => membership.grant_to(acting, &target, def, term, true).await,
                Err(e) => Err(e),
            },
            SubscriberAction::Revoke { tier } => {
                match tier.map(|t| membership.tier(lang, &t)).transpose() {
                    Ok(only) => membership.revoke_from(acting, &target, only).await,
                    Err(e) => Err(e),
                }
            }
            SubscriberAction::Refund { payment } => {
                self.storefront.refund(acting, payment, Some(member)).await
            }
        };
        match done {
            Ok(text) => Ok(text),
            Err(EngineError::Refused(why)) => Err(PageError::Refused(why.render(lang))),
            Err(EngineError::Store(e)) => Err(PageError::Store(e)),
        }
    }

    /// The member acted on, if they exist and are not erased.
    async fn target(&self, member: MemberId) -> Result<Target, PageError> {
        if !self.kernel.store.member_exists(member).await? {
            return Err(PageError::NotFound);
        }
        let row = self.kernel.store.member(member).await?;
        Ok(Target {
            id: member,
            name: row.display_name,
        })
    }
}

fn operator(viewer: &Viewer) -> Result<(), PageError> {
    match (viewer.operator, viewer.member) {
        (true, Some(_)) => Ok(()),
        (false, Some(_)) => Err(PageError::Forbidden),
        _ => Err(PageError::LoginNeeded),
    }
}
