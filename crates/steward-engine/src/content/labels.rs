//! The labels around a drop, in the reader's language: its one-line summary, its repeat rule,
//! where it goes. The drop's own text is the operator's and is never translated.

use chrono::NaiveTime;

use super::drops::DM_TARGET;
use crate::Drops;
use crate::core::drops::schedule::Rule;
use crate::i18n::{Lang, datetime};
use crate::store::DropRow;
use crate::tr;

/// Characters of a drop's first line a summary shows.
const SUMMARY_CHARS: usize = 60;

/// A stored target key in words: `#general on the console`, `Discord channel 1200`.
pub(super) fn target_label(lang: Lang, key: &str) -> String {
    if key == DM_TARGET {
        return tr!(lang, "drop-target-dm");
    }
    match key.split_once(':') {
        Some((platform @ ("console" | "discord" | "telegram"), chat)) => {
            tr!(lang, "drop-target-chat", platform = platform, chat = chat)
        }
        _ => key.to_owned(),
    }
}

/// A rule's parts as the locale files select on them: kind, weekdays, day of month, cron text.
fn rule_parts(lang: Lang, rule: &Rule) -> (&'static str, String, u32, String) {
    match rule {
        Rule::Day => ("day", String::new(), 0, String::new()),
        Rule::Weekday => ("weekday", String::new(), 0, String::new()),
        Rule::Days(days) => {
            let names: Vec<String> = days
                .iter()
                .map(|d| {
                    let short = format!("{d:?}").to_lowercase();
                    tr!(lang, "drop-weekday", day = short)
                })
                .collect();
            let days = names.join(&tr!(lang, "drop-weekday-separator"));
            ("days", days, 0, String::new())
        }
        Rule::MonthDay(n) => ("month", String::new(), *n, String::new()),
        Rule::Cron(_, expr) => ("cron", String::new(), 0, expr.clone()),
    }
}

/// A rule with its time of day: "every day at 09:00", "每天 09:00".
pub(super) fn rule_text(lang: Lang, rule: &Rule, at: NaiveTime) -> String {
    let (kind, days, day, expr) = rule_parts(lang, rule);
    tr!(
        lang,
        "drop-rule",
        kind = kind,
        days = days,
        day = day,
        expr = expr,
        time = at.format("%H:%M").to_string()
    )
}

/// A stored rule in a drop's summary: ", every mon,thu".
fn stored_rule_text(lang: Lang, stored: &str) -> String {
    let (kind, days, day, expr) = match Rule::parse(stored) {
        Ok(rule) => rule_parts(lang, &rule),
        // Stored rules always parse back; should one not, it shows as written.
        Err(_) => ("cron", String::new(), 0, stored.to_owned()),
    };
    tr!(
        lang,
        "drop-line-repeat",
        kind = kind,
        days = days,
        day = day,
        expr = expr
    )
}

impl Drops {
    /// A drop in one line: `#12 2026-12-01 09:00 (Europe/Berlin), every mon: New lesson...`
    pub(crate) fn drop_line(&self, lang: Lang, drop: &DropRow) -> String {
        // A drop with no run left says so, not "sent": its deliveries may have failed, and
        // `/drop status` lists how each went.
        let next = match (drop.cancelled_at, drop.next_at) {
            (Some(_), _) => tr!(lang, "drop-line-cancelled"),
            (None, Some(at)) => datetime(lang, at, self.kernel.config.calendar.tz),
            (None, None) => tr!(lang, "drop-line-done"),
        };
        let repeat = drop
            .rule
            .as_deref()
            .map(|r| stored_rule_text(lang, r))
            .unwrap_or_default();
        let gate = drop
            .tier
            .as_deref()
            .map(|t| format!(" [{t}]"))
            .unwrap_or_default();
        let first_line: String = drop
            .text
            .lines()
            .next()
            .unwrap_or_default()
            .chars()
            .take(SUMMARY_CHARS)
            .collect();
        tr!(
            lang,
            "drop-line",
            id = drop.id,
            next = next,
            repeat = repeat,
            gate = gate,
            text = first_line
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_read_in_english_as_before_and_in_chinese() {
        let (en, zh) = (Lang::default(), Lang::from_code("zh").expect("zh-CN"));
        let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("a time");
        let days = Rule::parse("mon,thu").expect("a rule");
        assert_eq!(rule_text(en, &days, nine), "every mon,thu at 09:00");
        assert_eq!(rule_text(zh, &days, nine), "每周一、周四 09:00");
        let month = Rule::parse("month 1").expect("a rule");
        assert_eq!(
            rule_text(en, &month, nine),
            "on day 1 of every month at 09:00"
        );
        assert_eq!(stored_rule_text(en, "month 1"), ", every month 1");
        assert_eq!(
            stored_rule_text(en, "cron:0 9 * * 1-5"),
            ", every 0 9 * * 1-5"
        );
        assert_eq!(stored_rule_text(zh, "day"), "，每天");
        assert_eq!(
            target_label(en, "console:general"),
            "#general on the console"
        );
        assert_eq!(target_label(zh, "discord:1200"), "Discord 频道 1200");
    }
}
