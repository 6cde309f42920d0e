//! Which chats are the community's and which of those earn no XP: values parsed once from the
//! config and asked on every message. A chat belongs to the community when its platform is open
//! everywhere (the console), or when the chat itself or the server it is in is listed (a
//! Telegram group by its id, a Discord channel by its guild); private chats never do.

use std::collections::{HashMap, HashSet};

use super::ids::{ChatRef, Platform};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChatRules {
    /// Platforms where every group chat is the community's.
    open: HashSet<Platform>,
    /// Listed chats and servers by platform (keyed so a lookup borrows the id: these are
    /// asked on every message).
    listed: HashMap<Platform, HashSet<String>>,
    /// Community chats where messages earn no XP, by platform.
    no_xp: HashMap<Platform, HashSet<String>>,
}

impl ChatRules {
    /// Every group chat of `platform` is the community's.
    #[must_use]
    pub fn open_on(mut self, platform: Platform) -> Self {
        self.open.insert(platform);
        self
    }

    /// Lists a chat or a server (by the id the platform gives it).
    #[must_use]
    pub fn listing(mut self, platform: Platform, id: impl Into<String>) -> Self {
        self.listed.entry(platform).or_default().insert(id.into());
        self
    }

    /// A chat where messages earn no XP.
    #[must_use]
    pub fn without_xp(mut self, platform: Platform, chat: impl Into<String>) -> Self {
        self.no_xp.entry(platform).or_default().insert(chat.into());
        self
    }

    /// Whether `chat` is one of the community's group chats.
    #[must_use]
    pub fn is_community(&self, chat: &ChatRef) -> bool {
        if chat.private {
            return false;
        }
        let listed = |id: &str| {
            self.listed
                .get(&chat.platform)
                .is_some_and(|ids| ids.contains(id))
        };
        self.open.contains(&chat.platform)
            || listed(&chat.chat_id)
            || chat.server.as_deref().is_some_and(listed)
    }

    /// Whether messages in `chat` may earn XP (the chat is not in `points.no_xp_chats`).
    #[must_use]
    pub fn earns_xp(&self, chat: &ChatRef) -> bool {
        !self
            .no_xp
            .get(&chat.platform)
            .is_some_and(|chats| chats.contains(&chat.chat_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> ChatRules {
        ChatRules::default()
            .open_on(Platform::Console)
            .listing(Platform::Telegram, "-100")
            .listing(Platform::Discord, "1000")
            .without_xp(Platform::Telegram, "-100")
    }

    #[test]
    fn listed_chats_and_chats_in_listed_servers_are_the_communitys() {
        let rules = rules();
        assert!(rules.is_community(&ChatRef::group(Platform::Telegram, "-100")));
        assert!(!rules.is_community(&ChatRef::group(Platform::Telegram, "-200")));
        let mut channel = ChatRef::group(Platform::Discord, "1100");
        assert!(
            !rules.is_community(&channel),
            "a channel of no listed server"
        );
        channel.server = Some("1000".into());
        assert!(rules.is_community(&channel));
        assert!(rules.is_community(&ChatRef::group(Platform::Console, "general")));
    }

    #[test]
    fn private_chats_are_never_the_communitys() {
        let rules = rules();
        assert!(!rules.is_community(&ChatRef::private(Platform::Telegram, "-100")));
        assert!(!rules.is_community(&ChatRef::private(Platform::Console, "dm")));
    }

    #[test]
    fn no_xp_chats_earn_nothing_and_the_rest_do() {
        let rules = rules();
        assert!(!rules.earns_xp(&ChatRef::group(Platform::Telegram, "-100")));
        assert!(rules.earns_xp(&ChatRef::group(Platform::Console, "general")));
    }
}
