//! Platform-neutral identities: members, platform accounts and chats.
//! Adapters convert their platform ids into these at the boundary; nothing here knows a platform API.

use std::fmt;
use std::str::FromStr;

/// A person in the community; one member may own accounts on several platforms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MemberId(pub i64);

impl fmt::Display for MemberId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The chat platforms Steward speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    Discord,
    Telegram,
    Console,
}

impl Platform {
    pub const ALL: [Platform; 3] = [Self::Discord, Self::Telegram, Self::Console];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Discord => "discord",
            Self::Telegram => "telegram",
            Self::Console => "console",
        }
    }

    /// Human name for replies ("Telegram").
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Discord => "Discord",
            Self::Telegram => "Telegram",
            Self::Console => "console",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Platform {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "discord" => Ok(Self::Discord),
            "telegram" => Ok(Self::Telegram),
            "console" => Ok(Self::Console),
            other => Err(format!(
                "unknown platform `{other}` (expected discord, telegram or console)"
            )),
        }
    }
}

/// One account on one platform: (platform, platform user id).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AccountRef {
    pub platform: Platform,
    pub user_id: String,
}

impl AccountRef {
    #[must_use]
    pub fn new(platform: Platform, user_id: impl Into<String>) -> Self {
        Self {
            platform,
            user_id: user_id.into(),
        }
    }
}

/// An account as an adapter saw it on an event: who, and the names shown for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountProfile {
    pub account: AccountRef,
    pub display_name: String,
    /// The handle people type after `@`, if the platform has one.
    pub username: Option<String>,
}

impl fmt::Display for AccountRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.platform, self.user_id)
    }
}

impl FromStr for AccountRef {
    type Err = String;

    /// Parses the config form `"telegram:12345"`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (platform, id) = s.split_once(':').ok_or_else(|| {
            format!("`{s}` should look like `telegram:ID`, `discord:ID` or `console:NAME`")
        })?;
        let id = id.trim();
        if id.is_empty() {
            return Err(format!("`{s}` has no id after the colon"));
        }
        Ok(Self::new(platform.trim().parse()?, id))
    }
}

/// Something a platform grants by id: on Discord a role, on Telegram a private chat. Tiers and
/// level rewards name their access this way, so a new platform is new data, not a new field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlatformGrant {
    pub platform: Platform,
    pub id: String,
}

impl PlatformGrant {
    #[must_use]
    pub fn new(platform: Platform, id: impl Into<String>) -> Self {
        Self {
            platform,
            id: id.into(),
        }
    }
}

/// A chat (group, channel or private chat) on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChatRef {
    pub platform: Platform,
    pub chat_id: String,
    /// The server the channel belongs to, where the platform has servers (a Discord guild).
    pub server: Option<String>,
    /// A one-to-one chat with the bot.
    pub private: bool,
}

impl ChatRef {
    #[must_use]
    pub fn group(platform: Platform, chat_id: impl Into<String>) -> Self {
        Self {
            platform,
            chat_id: chat_id.into(),
            server: None,
            private: false,
        }
    }

    #[must_use]
    pub fn private(platform: Platform, chat_id: impl Into<String>) -> Self {
        Self {
            private: true,
            ..Self::group(platform, chat_id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_operator_accounts_from_config_form() {
        let account: AccountRef = "telegram:42".parse().unwrap();
        assert_eq!(account, AccountRef::new(Platform::Telegram, "42"));
        assert_eq!(account.to_string(), "telegram:42");
    }

    #[test]
    fn rejects_malformed_accounts_with_a_reason() {
        assert!(
            "telegram"
                .parse::<AccountRef>()
                .unwrap_err()
                .contains("telegram:ID")
        );
        assert!(
            "slack:1"
                .parse::<AccountRef>()
                .unwrap_err()
                .contains("unknown platform")
        );
        assert!(
            "discord:"
                .parse::<AccountRef>()
                .unwrap_err()
                .contains("no id")
        );
    }
}
