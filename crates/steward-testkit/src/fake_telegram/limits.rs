//! Telegram's sending limits as its Bot FAQ states them ("My bot is hitting limits, how do I
//! avoid this?", core.telegram.org/bots/faq): in one chat no more than one message a second, in
//! a group no more than 20 a minute, and for bulk notifications no more than about 30 messages
//! a second overall. Past them the Bot API answers `429` with
//! `{"ok": false, "error_code": 429, "description": "Too Many Requests: retry after N",
//! "parameters": {"retry_after": N}}` (Bot API, ResponseParameters: seconds to wait).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::rate_window::RateWindow;

/// The methods that send a message and so count against the limits.
pub(super) fn is_send(method: &str) -> bool {
    (method.starts_with("send") && method != "sendchataction")
        || matches!(method, "copymessage" | "forwardmessage")
}

pub(super) struct SendLimits {
    overall: RateWindow,
    chats: HashMap<i64, Vec<RateWindow>>,
}

impl Default for SendLimits {
    fn default() -> Self {
        Self {
            overall: RateWindow::new(30, Duration::from_secs(1)),
            chats: HashMap::new(),
        }
    }
}

impl SendLimits {
    /// Counts a message to `chat` at `now`, or says in whole seconds (at least 1) when to retry.
    pub(super) fn admit(&mut self, chat: i64, now: Instant) -> Result<(), u64> {
        let windows = self.chats.entry(chat).or_insert_with(|| {
            let mut windows = vec![RateWindow::new(1, Duration::from_secs(1))];
            if chat < 0 {
                windows.push(RateWindow::new(20, Duration::from_secs(60)));
            }
            windows
        });
        let mut wait = self.overall.would_admit(now).err();
        for window in windows.iter_mut() {
            wait = wait.max(window.would_admit(now).err());
        }
        if let Some(wait) = wait {
            return Err(wait.as_secs_f64().ceil().max(1.0) as u64);
        }
        // Every window said yes: counting can no longer fail.
        let _ = self.overall.admit(now);
        for window in windows.iter_mut() {
            let _ = window.admit(now);
        }
        Ok(())
    }
}
