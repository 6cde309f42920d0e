//! Where and when the community talks: chat lines and active members per chat over the range,
//! and chat lines by hour of the week in the community's timezone (when to schedule drops).
//! Read from per-day counters, whatever the community's size.

use std::collections::BTreeMap;

use chrono::Datelike;

use crate::core::analytics::day_key;
use crate::core::analytics::range::DayRange;
use crate::core::ids::ChatRef;
use crate::store::CounterRow;

/// One chat over the range.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelRow {
    /// `platform:chat id`.
    pub chat: String,
    /// The drop channel it belongs to (`[channels.NAME]`), if any.
    pub name: Option<String>,
    pub messages: i64,
    /// Members active there, summed over the days (a member on 3 days counts 3).
    pub member_days: i64,
    /// The mean of its daily active members over the range's days.
    pub daily_active: f64,
}

/// Chat lines by weekday (Monday first) and hour, over the range.
pub type HourOfWeek = [[i64; 24]; 7];

/// The chats, busiest first, from the `chat-messages:` and `chat-active:` counter rows.
pub(super) fn channel_rows(
    range: DayRange,
    messages: &[CounterRow],
    active: &[CounterRow],
    channels: &BTreeMap<String, Vec<ChatRef>>,
) -> Vec<ChannelRow> {
    let mut by_chat: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for r in messages {
        if let Some(chat) = r.name.strip_prefix("chat-messages:") {
            by_chat.entry(chat).or_default().0 += r.value;
        }
    }
    for r in active {
        if let Some(chat) = r.name.strip_prefix("chat-active:") {
            by_chat.entry(chat).or_default().1 += r.value;
        }
    }
    let days = f64::from(
        u32::try_from(range.days().count())
            .unwrap_or(u32::MAX)
            .max(1),
    );
    let name_of = |chat: &str| {
        channels.iter().find_map(|(name, chats)| {
            chats
                .iter()
                .any(|c| format!("{}:{}", c.platform, c.chat_id) == chat)
                .then(|| name.clone())
        })
    };
    let mut rows: Vec<ChannelRow> = by_chat
        .into_iter()
        .map(|(chat, (messages, member_days))| ChannelRow {
            name: name_of(chat),
            chat: chat.to_owned(),
            messages,
            member_days,
            #[allow(clippy::cast_precision_loss)] // member counts, far below 2^52
            daily_active: member_days as f64 / days,
        })
        .collect();
    rows.sort_by(|a, b| b.messages.cmp(&a.messages).then(a.chat.cmp(&b.chat)));
    rows
}

/// The heatmap from the `hour:` counter rows of the range's days.
pub(super) fn hour_of_week(range: DayRange, hours: &[CounterRow]) -> HourOfWeek {
    let mut map = [[0; 24]; 7];
    let weekday: BTreeMap<String, usize> = range
        .days()
        .map(|d| (day_key(d), d.weekday().num_days_from_monday() as usize))
        .collect();
    for r in hours {
        let (Some(day), Some(hour)) = (
            weekday.get(&r.period),
            r.name
                .strip_prefix("hour:")
                .and_then(|h| h.parse::<usize>().ok())
                .filter(|h| *h < 24),
        ) else {
            continue;
        };
        map[*day][hour] += r.value;
    }
    map
}
