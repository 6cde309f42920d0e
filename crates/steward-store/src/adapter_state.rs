//! Small durable values adapters keep between runs (Telegram's update offset).

use super::error::During;
use super::{Result, Store};

impl Store {
    pub async fn adapter_value(&self, key: &str) -> Result<Option<String>> {
        let value: Option<String> =
            sqlx::query_scalar("SELECT value FROM adapter_state WHERE key = ?")
                .bind(key)
                .fetch_optional(&self.pool)
                .await
                .during("adapter_value")?;
        Ok(value)
    }

    pub async fn set_adapter_value(&self, key: &str, value: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO adapter_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(&self.pool)
        .await.during("set_adapter_value")?;
        Ok(())
    }
}
