//! The operators' overview (the dashboard's first panel) and readiness for `/readyz`.

use crate::core::web_access::Viewer;
use crate::engine::Engine;
use crate::engine::web::PageError;
use crate::store::CommunityCounts;

/// What the overview shows: the counts, with tier names for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub counts: CommunityCounts,
    /// (tier name, running memberships), every configured tier.
    pub tiers: Vec<(String, i64)>,
}

impl Engine {
    /// The overview, for operators only.
    pub async fn overview(&self, viewer: &Viewer) -> Result<Overview, PageError> {
        if !viewer.operator {
            return Err(if viewer.member.is_some() {
                PageError::Forbidden
            } else {
                PageError::LoginNeeded
            });
        }
        let counts = self.store.community_counts().await?;
        let tiers = self
            .config
            .membership
            .tiers
            .iter()
            .map(|tier| {
                let running = counts
                    .running_by_tier
                    .iter()
                    .find(|(id, _)| *id == tier.id)
                    .map_or(0, |(_, n)| *n);
                (tier.name.clone(), running)
            })
            .collect();
        Ok(Overview { counts, tiers })
    }

    /// Whether the database answers with every migration applied.
    pub async fn ready(&self) -> bool {
        self.store.ready().await
    }
}
