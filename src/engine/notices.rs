//! Messages outside replies: a DM to a member on whichever account takes it, and reports to the
//! operators listed in config for things that need a person (missed drops, failed deliveries,
//! dry-run removals).

use super::{Engine, EngineResult};
use crate::core::ids::MemberId;

impl Engine {
    /// DMs a member on their first account; a closed DM is logged, not fatal.
    pub(crate) async fn dm_member(&self, member: MemberId, text: &str) -> EngineResult<bool> {
        for account in self.store.accounts_of(member).await? {
            match self.platform.dm(&account, text).await {
                Ok(()) => return Ok(true),
                Err(e) => {
                    tracing::info!(%account, error = %e, "DM failed, trying the next account")
                }
            }
        }
        Ok(false)
    }

    /// Tells the operators listed in config about something that needs a person.
    pub(crate) async fn report(&self, text: &str) {
        for operator in &self.config.operators {
            if let Err(e) = self.platform.dm(operator, text).await {
                tracing::warn!(%operator, error = %e, "operator report failed");
            }
        }
        tracing::info!(report = text, "reported to operators");
    }
}
