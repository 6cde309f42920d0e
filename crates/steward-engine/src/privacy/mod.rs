//! Members' rights over their data: `/privacy export` (everything held about the asker, as a
//! file by DM; `steward export --member` for operators), `/privacy delete` (erasure in two
//! steps, by the member or by an operator at the member's request) and how long per-member
//! detail is kept (`ledger.keep_days`).
//!
//! An erased member's row stays as a nameless, hidden tombstone holding its ledger rows, so
//! totals and the audit add up. Running memberships end only when asked; otherwise they move,
//! with the platform accounts their access needs (stripped of names), to a fresh member that
//! starts from zero, and Steward removes that access when they run out.

mod erase;
mod export;
mod retention;

use crate::{Identity, Ingest, Kernel, Memberships, Ranking, Storefront};
pub use export::{MemberExportError, export_member, find_member};
use std::sync::Arc;

/// Members' rights: export, erasure, and the retention of detail.
pub struct Privacy {
    kernel: Arc<Kernel>,
    identity: Arc<Identity>,
    ingest: Arc<Ingest>,
    ranking: Arc<Ranking>,
    membership: Arc<Memberships>,
    storefront: Arc<Storefront>,
    retention: crate::cadence::Cadence,
}

impl Privacy {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        identity: Arc<Identity>,
        ingest: Arc<Ingest>,
        ranking: Arc<Ranking>,
        membership: Arc<Memberships>,
        storefront: Arc<Storefront>,
    ) -> Self {
        Self {
            retention: crate::cadence::Cadence::default(),
            kernel,
            identity,
            ingest,
            ranking,
            membership,
            storefront,
        }
    }
}
