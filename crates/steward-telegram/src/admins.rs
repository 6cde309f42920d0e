//! Who administers the community's Telegram chats, from getChatAdministrators, cached for a few
//! minutes. A server without the method (a minimal local Bot API) is logged once per lookup and
//! treated as "no admins": operators from the config still work.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use teloxide::prelude::Requester;
use teloxide::types::{ChatId, UserId};
use tokio::sync::Mutex;

use super::TgBot;

const TTL: Duration = Duration::from_secs(300);

#[derive(Default)]
pub(super) struct AdminCache {
    chats: Mutex<HashMap<i64, (Instant, Vec<u64>)>>,
}

impl AdminCache {
    /// Whether `user` administers `chat`.
    pub(super) async fn is_admin(&self, bot: &TgBot, chat: i64, user: u64) -> bool {
        let mut chats = self.chats.lock().await;
        if let Some((at, admins)) = chats.get(&chat)
            && at.elapsed() < TTL
        {
            return admins.contains(&user);
        }
        let admins = match bot.get_chat_administrators(ChatId(chat)).await {
            Ok(members) => members.iter().map(|m| m.user.id.0).collect(),
            Err(e) => {
                tracing::warn!(chat, error = %e, "getChatAdministrators failed; using config operators only");
                Vec::new()
            }
        };
        let found = admins.contains(&user);
        chats.insert(chat, (Instant::now(), admins));
        found
    }

    /// Whether `user` administers any of `chats`.
    pub(super) async fn is_admin_anywhere(&self, bot: &TgBot, chats: &[i64], user: UserId) -> bool {
        for chat in chats {
            if self.is_admin(bot, *chat, user.0).await {
                return true;
            }
        }
        false
    }
}
