//! A slash command's typed options written back as the command line the engine's one parser
//! reads (`/points add @d42 50 reason`), with the members it names as mentions. Keeping one
//! grammar means a Discord command and a Telegram command can never mean different things.

use std::collections::HashMap;

use serenity::model::application::{CommandData, CommandDataOption, CommandDataOptionValue};
use serenity::model::id::UserId;

use super::inbound;
use crate::engine::Mention;

/// The command line and the members it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandLine {
    pub text: String,
    pub mentions: Vec<Mention>,
}

/// Options by name, flattened out of a subcommand when there is one.
struct Args<'a> {
    subcommand: Option<&'a str>,
    values: HashMap<&'a str, &'a CommandDataOptionValue>,
}

impl<'a> Args<'a> {
    fn of(options: &'a [CommandDataOption]) -> Self {
        let mut subcommand = None;
        let mut values = HashMap::new();
        for option in options {
            match &option.value {
                CommandDataOptionValue::SubCommand(inner) => {
                    subcommand = Some(option.name.as_str());
                    values.extend(inner.iter().map(|o| (o.name.as_str(), &o.value)));
                }
                value => {
                    values.insert(option.name.as_str(), value);
                }
            }
        }
        Self { subcommand, values }
    }

    fn text(&self, name: &str) -> Option<String> {
        match self.values.get(name)? {
            CommandDataOptionValue::String(s) => {
                Some(s.trim().to_owned()).filter(|s| !s.is_empty())
            }
            CommandDataOptionValue::Integer(n) => Some(n.to_string()),
            CommandDataOptionValue::Autocomplete { value, .. } => Some(value.clone()),
            _ => None,
        }
    }

    fn user(&self, name: &str) -> Option<UserId> {
        match self.values.get(name)? {
            CommandDataOptionValue::User(id) => Some(*id),
            _ => None,
        }
    }
}

/// A cron expression must reach the drop grammar in quotes; Discord users rarely type them.
fn quoted_rule(rule: &str) -> String {
    let looks_like_cron = rule.split_whitespace().count() >= 5 || rule.contains('*');
    if looks_like_cron && !rule.starts_with('"') {
        format!("\"{rule}\"")
    } else {
        rule.to_owned()
    }
}

/// Writes `data` as a command line; `None` for a command Steward does not know.
#[must_use]
pub fn command_line(data: &CommandData) -> CommandLine {
    let args = Args::of(&data.options);
    let mut mentions = Vec::new();
    let mut words: Vec<String> = vec![format!("/{}", data.name)];
    let mut member = |args: &Args<'_>, words: &mut Vec<String>| {
        let Some(id) = args.user("member") else {
            return;
        };
        match data.resolved.users.get(&id) {
            Some(user) => {
                let person = inbound::partial_person(user, data.resolved.members.get(&id));
                let token = inbound::token(user);
                words.push(format!("@{token}"));
                mentions.push(Mention { token, person });
            }
            None => words.push(format!("@d{id}")),
        }
    };
    let push = |words: &mut Vec<String>, value: Option<String>| words.extend(value);
    match data.name.as_str() {
        "leaderboard" => {
            let season = args.text("season");
            let board = args
                .text("board")
                .or(season.as_ref().map(|_| "season".to_owned()));
            push(&mut words, board);
            push(&mut words, season);
            push(&mut words, args.text("page"));
        }
        "drop" => {
            let sub = args.subcommand.unwrap_or_default();
            if sub == "schedule" {
                push(&mut words, args.text("when"));
                if let Some(rule) = args.text("every") {
                    words.extend(["every".to_owned(), quoted_rule(&rule)]);
                }
                if let Some(to) = args.text("to") {
                    words.extend(["to".to_owned(), to.replace(' ', "")]);
                }
                if let Some(tier) = args.text("tier") {
                    words.extend(["tier".to_owned(), tier]);
                }
                push(&mut words, args.text("text"));
            } else {
                words.push(sub.to_owned());
                push(&mut words, args.text("id"));
            }
        }
        _ => {
            push(&mut words, args.subcommand.map(str::to_owned));
            member(&args, &mut words);
            for name in [
                "mode", "code", "reward", "id", "stars", "amount", "tier", "duration", "name",
            ] {
                push(&mut words, args.text(name));
            }
            if let Some(until) = args.text("until") {
                words.extend(["until".to_owned(), until]);
            }
            push(&mut words, args.text("reason"));
        }
    }
    CommandLine {
        text: words.join(" "),
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(json: serde_json::Value) -> CommandData {
        serde_json::from_value(json).expect("command data")
    }

    #[test]
    fn discord_subcommand_with_member_becomes_the_text_grammar() {
        let line = command_line(&data(serde_json::json!({
            "id": "1", "name": "points", "type": 1,
            "options": [{"name": "add", "type": 1, "options": [
                {"name": "member", "type": 6, "value": "42"},
                {"name": "amount", "type": 4, "value": 50},
                {"name": "reason", "type": 3, "value": "great talk"}
            ]}],
            "resolved": {"users": {"42": {"id": "42", "username": "ada", "discriminator": "0",
                "global_name": "Ada", "avatar": null}}}
        })));
        assert_eq!(line.text, "/points add @d42 50 great talk");
        assert_eq!(line.mentions.len(), 1);
        assert_eq!(line.mentions[0].person.profile.display_name, "Ada");
    }

    #[test]
    fn discord_drop_schedule_quotes_a_cron_rule() {
        let line = command_line(&data(serde_json::json!({
            "id": "1", "name": "drop", "type": 1,
            "options": [{"name": "schedule", "type": 1, "options": [
                {"name": "when", "type": 3, "value": "tomorrow 09:00"},
                {"name": "text", "type": 3, "value": "Standup"},
                {"name": "every", "type": 3, "value": "0 9 * * 1-5"},
                {"name": "to", "type": 3, "value": "announcements, lounge"}
            ]}]
        })));
        assert_eq!(
            line.text,
            "/drop tomorrow 09:00 every \"0 9 * * 1-5\" to announcements,lounge Standup"
        );
    }

    #[test]
    fn discord_leaderboard_with_a_season_name_asks_for_the_season_board() {
        let line = command_line(&data(serde_json::json!({
            "id": "1", "name": "leaderboard", "type": 1,
            "options": [{"name": "season", "type": 3, "value": "Advent"},
                        {"name": "page", "type": 4, "value": 2}]
        })));
        assert_eq!(line.text, "/leaderboard season Advent 2");
    }
}
