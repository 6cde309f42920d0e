//! Waiting in end-to-end tests: the real clients hand events to the engine concurrently, so a
//! test waits, up to a deadline, for what it needs to have happened instead of sleeping a guess.

use std::time::Duration;

use steward_core::ids::AccountRef;
use steward_engine::Engine;

/// How long a test waits for the engine to catch up before it fails.
const DEADLINE: Duration = Duration::from_secs(10);

/// Waits until each account belongs to a member (their first message has been seen), and
/// panics naming the first that never did.
pub async fn until_members(engine: &Engine, accounts: impl IntoIterator<Item = AccountRef>) {
    for account in accounts {
        let deadline = tokio::time::Instant::now() + DEADLINE;
        while !matches!(engine.store().member_of(&account).await, Ok(Some(_))) {
            assert!(
                tokio::time::Instant::now() < deadline,
                "{account} never became a member"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
