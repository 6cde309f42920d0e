//! The operators' overview (the dashboard's first panel) and readiness for `/readyz`.

use crate::core::access::Viewer;
use crate::core::ids::Platform;
use crate::store::CommunityCounts;
use crate::web::PageError;
use crate::{Operations, sync};

/// What the overview shows: the counts, with tier names for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub counts: CommunityCounts,
    /// (tier name, running memberships), every configured tier.
    pub tiers: Vec<(String, i64)>,
}

impl Operations {
    /// The overview, for operators only.
    pub async fn overview(&self, viewer: &Viewer) -> Result<Overview, PageError> {
        if !viewer.operator {
            return Err(if viewer.member.is_some() {
                PageError::Forbidden
            } else {
                PageError::LoginNeeded
            });
        }
        let counts = self.kernel.store.community_counts().await?;
        let tiers = self
            .kernel
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

    /// Whether the database answers with every migration applied and every platform this
    /// process drives is connected; the platforms not connected are named.
    pub async fn ready(&self) -> Result<(), Vec<Platform>> {
        let down: Vec<Platform> = sync::lock(&self.connections)
            .iter()
            .filter(|(_, connected)| !**connected)
            .map(|(platform, _)| *platform)
            .collect();
        if !down.is_empty() {
            return Err(down);
        }
        if self.kernel.store.ready().await {
            Ok(())
        } else {
            Err(Vec::new())
        }
    }

    /// An adapter says whether its platform is connected; from the first report on, `/readyz`
    /// waits for that platform.
    pub fn report_connected(&self, platform: Platform, connected: bool) {
        let before = sync::lock(&self.connections).insert(platform, connected);
        if before != Some(connected) {
            tracing::info!(%platform, connected, "platform connection changed");
        }
    }
}
