//! Discord's global rate limit kept by the sender: "All bots can make up to 50 requests per
//! second to our API" (developer docs, Rate Limits), and a DM to someone new is two requests
//! (opening the DM channel, then the message). serenity waits out a 429 after the fact; a
//! broadcast to thousands must not meet one, so every request this adapter makes takes a slot
//! here first, a little under the limit, leaving room for what the gateway's handlers send.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// Requests a second this adapter sends at most: 96% of Discord's 50.
pub const REQUESTS_PER_SECOND: u32 = 48;

/// Hands out request slots evenly spaced, in the order asked.
pub struct Pacer {
    spacing: Duration,
    next: Mutex<Option<Instant>>,
}

impl Default for Pacer {
    fn default() -> Self {
        Self {
            spacing: Duration::from_secs(1) / REQUESTS_PER_SECOND,
            next: Mutex::new(None),
        }
    }
}

impl Pacer {
    /// Waits for the next free slot.
    pub async fn slot(&self) {
        let slot = {
            let mut next = self.next.lock().await;
            let now = Instant::now();
            let slot = next.map_or(now, |at| at.max(now));
            *next = Some(slot + self.spacing);
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn slots_are_spaced_so_a_second_holds_at_most_the_paced_rate() {
        let pacer = Pacer::default();
        let started = Instant::now();
        for _ in 0..=REQUESTS_PER_SECOND {
            pacer.slot().await;
        }
        // The first slot is at once; the 49th can only come a whole second later.
        assert!(started.elapsed() >= Duration::from_secs(1));
        assert!(started.elapsed() < Duration::from_millis(1_050));
    }
}
