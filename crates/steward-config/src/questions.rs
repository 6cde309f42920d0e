//! `[questions]`: where a question opens (a Discord forum or text channel for its thread, a
//! Telegram forum topic for its message), what an accepted answer earns, how long a bounty waits
//! before it goes back, and how many questions a member may ask a day.

use serde::Deserialize;
use toml::Spanned;

use super::discord_id;
use super::problems::Problems;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuestionsSection {
    pub discord_channel: Option<Spanned<String>>,
    pub telegram_topic: Option<i32>,
    pub accepted_xp: i64,
    pub bounty_days: u32,
    pub per_day: u32,
}

impl Default for QuestionsSection {
    fn default() -> Self {
        let rules = QuestionRules::default();
        Self {
            discord_channel: None,
            telegram_topic: None,
            accepted_xp: rules.accepted_xp,
            bounty_days: rules.bounty_days,
            per_day: rules.per_day,
        }
    }
}

/// How questions work in this community.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRules {
    /// The Discord channel (forum or text) each question opens a thread in; `None`: the
    /// channel it was asked in.
    pub discord_channel: Option<String>,
    /// The topic (`message_thread_id`) of the first Telegram chat that questions are posted to;
    /// `None`: a question is the `/ask` message itself, in the group it was asked in.
    pub telegram_topic: Option<i32>,
    /// XP (and as many points) the accepted answer earns, once per question.
    pub accepted_xp: i64,
    /// Days a bounty waits for an accepted answer before it goes back to the asker.
    pub bounty_days: u32,
    /// Questions one member may ask per community day.
    pub per_day: u32,
}

impl Default for QuestionRules {
    fn default() -> Self {
        Self {
            discord_channel: None,
            telegram_topic: None,
            accepted_xp: 50,
            bounty_days: 7,
            per_day: 5,
        }
    }
}

pub(super) fn read(section: &QuestionsSection, problems: &mut Problems<'_>) -> QuestionRules {
    QuestionRules {
        discord_channel: section.discord_channel.as_ref().and_then(|channel| {
            discord_id(channel, "questions.discord_channel", "channel", problems)
        }),
        telegram_topic: section.telegram_topic,
        accepted_xp: section.accepted_xp,
        bounty_days: section.bounty_days,
        per_day: section.per_day,
    }
}
