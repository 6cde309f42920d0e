//! Platform-neutral identities: members, platform accounts and chats.
//! Adapters convert their platform ids into these at the boundary; nothing here knows a platform API.

use std::fmt;
use std::str::FromStr;

use steward_i18n::Msg;
use steward_i18n::msg;

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
    type Err = Msg;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "discord" => Ok(Self::Discord),
            "telegram" => Ok(Self::Telegram),
            "console" => Ok(Self::Console),
            other => Err(msg!("id-platform-unknown", platform = other)),
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
    type Err = Msg;

    /// Parses the config form `"telegram:12345"`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (platform, id) = s
            .split_once(':')
            .ok_or_else(|| msg!("id-account-form", written = s))?;
        let id = id.trim();
        if id.is_empty() {
            return Err(msg!("id-account-no-id", written = s));
        }
        Ok(Self::new(platform.trim().parse()?, id))
    }
}

/// Whether `name` is a console name (a member's or a chat's): 1 to 32 letters, digits, `-` or `_`.
/// The console's `/as`, `/chat` and `@name` take such names, and config's `console:NAME` too.
#[must_use]
pub fn is_console_name(name: &str) -> bool {
    (1..=32).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// What an id written in config names; each platform numbers people and chats differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdOf {
    Member,
    Chat,
}

impl Platform {
    /// Checks an id as written (`abc` in `telegram:abc`) against the platform's rules and returns
    /// it as the adapters spell it: Telegram users are positive integers and chats any non-zero
    /// integer (groups are negative), Discord ids are positive snowflakes, and console names are
    /// lower-cased because the console keys members and chats that way.
    pub fn checked_id(self, id: &str, of: IdOf) -> Result<String, Msg> {
        let written = format!("{self}:{id}");
        // Ids come back from the parsed number, so `+42` or `042` match the adapters' `42`.
        match (self, of) {
            (Self::Telegram, IdOf::Member) => match id.parse::<i64>() {
                Ok(n) if n > 0 => Ok(n.to_string()),
                _ => Err(msg!("id-telegram-user", written = written)),
            },
            (Self::Telegram, IdOf::Chat) => match id.parse::<i64>() {
                Ok(n) if n != 0 => Ok(n.to_string()),
                _ => Err(msg!("id-telegram-chat", written = written)),
            },
            (Self::Discord, _) => match id.parse::<u64>() {
                Ok(n) if n > 0 => Ok(n.to_string()),
                _ if of == IdOf::Member => Err(msg!("id-discord-user", written = written)),
                _ => Err(msg!("id-discord-channel", written = written)),
            },
            (Self::Console, _) if is_console_name(id) => Ok(id.to_lowercase()),
            (Self::Console, IdOf::Member) => Err(msg!("id-console-name", written = written)),
            (Self::Console, IdOf::Chat) => Err(msg!("id-console-chat", written = written)),
        }
    }
}

impl AccountRef {
    /// Parses `platform:id` as config writes it and checks the id against the platform's rules
    /// for `of`; the id may name a chat (`points.no_xp_chats`) as well as a member.
    pub fn parse_checked(s: &str, of: IdOf) -> Result<Self, Msg> {
        let written: Self = s.parse()?;
        let id = written.platform.checked_id(&written.user_id, of)?;
        Ok(Self::new(written.platform, id))
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
    fn console_names_are_short_words() {
        assert!(is_console_name("alice"));
        assert!(is_console_name("pro-lounge_2"));
        assert!(is_console_name("Zoë"));
        assert!(!is_console_name(""));
        assert!(!is_console_name("two words"));
        assert!(!is_console_name("@alice"));
        assert!(!is_console_name(&"a".repeat(33)));
    }

    #[test]
    fn checked_ids_follow_each_platforms_rules() {
        let member = |s: &str| AccountRef::parse_checked(s, IdOf::Member);
        let chat = |s: &str| AccountRef::parse_checked(s, IdOf::Chat);
        assert_eq!(
            member("telegram:42"),
            Ok(AccountRef::new(Platform::Telegram, "42"))
        );
        assert!(
            member("telegram:-42")
                .unwrap_err()
                .to_string()
                .contains("Telegram user id")
        );
        assert!(
            member("telegram:abc")
                .unwrap_err()
                .to_string()
                .contains("Telegram user id")
        );
        assert_eq!(
            chat("telegram:-100"),
            Ok(AccountRef::new(Platform::Telegram, "-100"))
        );
        assert!(
            chat("telegram:0")
                .unwrap_err()
                .to_string()
                .contains("Telegram chat id")
        );
        assert!(
            member("discord:-5")
                .unwrap_err()
                .to_string()
                .contains("Discord user id")
        );
        assert!(
            chat("discord:x")
                .unwrap_err()
                .to_string()
                .contains("Discord channel id")
        );
        assert_eq!(
            member("console:Admin"),
            Ok(AccountRef::new(Platform::Console, "admin"))
        );
        assert!(
            member("console:a b")
                .unwrap_err()
                .to_string()
                .contains("console name")
        );
        assert!(
            chat("console:a b")
                .unwrap_err()
                .to_string()
                .contains("console chat name")
        );
        assert!(
            member("slack:1")
                .unwrap_err()
                .to_string()
                .contains("unknown platform")
        );
    }

    #[test]
    fn rejects_malformed_accounts_with_a_reason() {
        assert!(
            "telegram"
                .parse::<AccountRef>()
                .unwrap_err()
                .to_string()
                .contains("telegram:ID")
        );
        assert!(
            "slack:1"
                .parse::<AccountRef>()
                .unwrap_err()
                .to_string()
                .contains("unknown platform")
        );
        assert!(
            "discord:"
                .parse::<AccountRef>()
                .unwrap_err()
                .to_string()
                .contains("no id")
        );
    }
}
