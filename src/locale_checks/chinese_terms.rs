//! The Chinese locale in Chinese: English words that have a Chinese term the rest of the locale
//! uses (经验 for XP) never appear in its text, and no Latin word appears beyond names, units and
//! the syntax of commands and config (`/points`, `[channels.名称]`), which is English on purpose.
//! Select keys are not text and are not checked.

use fluent_syntax::ast;

use super::{files_under, locales_dir};

/// English words with the Chinese term to write instead.
const TRANSLATED: &[(&str, &str)] = &[("XP", "经验"), ("Level", "等级"), ("Points", "积分")];

fn text_of(pattern: &ast::Pattern<&str>, into: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => into.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                if let ast::Expression::Select { variants, .. } = expression {
                    for variant in variants {
                        text_of(&variant.value, into);
                        into.push(' ');
                    }
                }
                into.push(' ');
            }
        }
    }
}

#[test]
fn chinese_text_uses_chinese_terms() {
    let mut slips = Vec::new();
    for file in files_under(&locales_dir().join("zh-CN"), "ftl") {
        let source = std::fs::read_to_string(&file).expect("readable locale");
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(r, _)| r);
        for entry in &resource.body {
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let mut text = String::new();
            if let Some(value) = &message.value {
                text_of(value, &mut text);
            }
            let words = text.split(|c: char| !c.is_ascii_alphanumeric());
            for word in words {
                if let Some((_, chinese)) = TRANSLATED.iter().find(|(english, _)| *english == word)
                {
                    slips.push(format!("{}: “{word}” (write {chinese})", message.id.name));
                }
            }
        }
    }
    assert!(slips.is_empty(), "{slips:#?}");
}

/// Latin words the Chinese text may hold: names of products and platforms, units and formats,
/// and the words of command and config syntax (`/review approve`, `[to 目标]`), which stay
/// English in every language. Anything else is English text left untranslated.
const LATIN_ALLOWED: &[&str] = &[
    // Products, platforms, units, formats and placeholders of dates and ids.
    "CSV",
    "Discord",
    "HTTP",
    "ID",
    "JSON",
    "KB",
    "MB",
    "MEE",
    "Schedule",
    "Stars",
    "Steward",
    "Stripe",
    "Telegram",
    "UTC",
    "UTF",
    // An example promo code; the bot's name in a deep link's example.
    "SPRING",
    "BOT",
    "ABCD",
    "YYYY",
    // Command, option and config words; language codes; example tags and tier ids; segments.
    "active",
    "add",
    "acme",
    "alice",
    "all",
    "analytics",
    "anonymous",
    "announcements",
    "approve",
    "as",
    "bounty",
    "course",
    "member",
    "file",
    "media",
    "slides",
    "mine",
    "open",
    "async",
    "at",
    "auto",
    "board",
    "broadcast",
    "cancel",
    "card",
    "channels",
    "checkin",
    "chinese",
    "cn",
    "community",
    "confirm",
    "console",
    "create",
    "cron",
    "day",
    "delete",
    "discord",
    "docs",
    "drop",
    "drops",
    "en",
    "end",
    "every",
    "export",
    "extend",
    "first",
    "false",
    "grant",
    "hide",
    "id",
    "in",
    "index",
    "join",
    "lapsed",
    "leaderboard",
    "lifetime",
    "manager",
    "list",
    "ln",
    "logout",
    "membership",
    "mo",
    "mon",
    "month",
    "none",
    "now",
    "null",
    "off",
    "on",
    "plans",
    "platform",
    "players",
    "percent",
    "price",
    "pro",
    "ref",
    "refund",
    "reject",
    "remove",
    "renew",
    "revoke",
    "run",
    "rust",
    "schedule",
    "season",
    "seats",
    "show",
    "start",
    "stats",
    "status",
    "steward",
    "subscribe",
    "tag",
    "tags",
    "telegram",
    "text",
    "thu",
    "tier",
    "tiers",
    "to",
    "tomorrow",
    "true",
    "until",
    "upgrade",
    "uses",
    "week",
    "weekday",
    "weekly",
    "weight",
    "when",
    "xp",
    "zh",
];

/// Each Latin word of `text`, with what precedes it when that makes it syntax: after `/` it is
/// a command name, after `-` or `.` or `_` part of a key or file name.
fn latin_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                let before = text[..from].chars().next_back();
                if !matches!(before, Some('/' | '-' | '.' | '_' | '$')) {
                    words.push(&text[from..at]);
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

#[test]
fn chinese_text_has_no_english_words_beyond_syntax_and_names() {
    let mut slips = std::collections::BTreeSet::new();
    for file in files_under(&locales_dir().join("zh-CN"), "ftl") {
        let source = std::fs::read_to_string(&file).expect("readable locale");
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(r, _)| r);
        for entry in &resource.body {
            let (name, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes),
                _ => continue,
            };
            let mut text = String::new();
            if let Some(value) = value {
                text_of(value, &mut text);
            }
            for attribute in attributes {
                text_of(&attribute.value, &mut text);
            }
            for word in latin_words(&text) {
                if word.len() > 1 && !LATIN_ALLOWED.contains(&word) {
                    slips.insert(format!("{word} ({name})"));
                }
            }
        }
    }
    assert!(slips.is_empty(), "{slips:#?}");
}
