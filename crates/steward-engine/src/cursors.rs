//! Where an adapter resumes after a restart: the platform's update cursor (Telegram's
//! `getUpdates` offset) or a provider's last event read (Stripe's poll mode), kept in the
//! database so nothing is skipped.

use super::{EngineResult, Kernel};
use crate::core::ids::Platform;

fn cursor_key(platform: Platform) -> String {
    format!("{platform}.update_offset")
}

impl Kernel {
    /// The update cursor `platform`'s adapter saved last, if any.
    pub async fn update_cursor(&self, platform: Platform) -> EngineResult<Option<i64>> {
        let stored = self.store.adapter_value(&cursor_key(platform)).await?;
        Ok(stored.and_then(|value| value.parse().ok()))
    }

    /// Saves the cursor from which `platform`'s adapter resumes.
    pub async fn save_update_cursor(&self, platform: Platform, cursor: i64) -> EngineResult<()> {
        self.store
            .set_adapter_value(&cursor_key(platform), &cursor.to_string())
            .await?;
        Ok(())
    }
}

impl Kernel {
    /// A cursor an adapter keeps under `key` (a provider's last event read).
    pub async fn adapter_cursor(&self, key: &str) -> EngineResult<Option<String>> {
        Ok(self.store.adapter_value(&format!("cursor.{key}")).await?)
    }

    /// Saves an adapter's cursor.
    pub async fn save_adapter_cursor(&self, key: &str, value: &str) -> EngineResult<()> {
        self.store
            .set_adapter_value(&format!("cursor.{key}"), value)
            .await?;
        Ok(())
    }
}
