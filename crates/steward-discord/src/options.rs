//! A slash command's typed options written back as the command line the engine's one parser
//! reads (`/points add @d42 50 reason`), with the members it names as mentions. Word order and
//! keywords come from the command catalogue, never from option names known here. Keeping one
//! grammar means a Discord command and a Telegram command can never mean different things.

use std::collections::HashMap;

use serenity::model::application::{CommandData, CommandDataOption, CommandDataOptionValue};
use serenity::model::id::UserId;

use super::inbound;
use crate::core::commands::{self, Arg, ArgKind, Audience};
use crate::core::media::Media;
use crate::engine::Mention;

/// The command line, the members it names and the files attached to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandLine {
    pub text: String,
    pub mentions: Vec<Mention>,
    /// Files given in attachment options (a drop's slides).
    pub files: Vec<Media>,
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

/// A member option as the parser reads it, `@token`, noting who it names in `mentions`.
fn member_word(data: &CommandData, id: UserId, mentions: &mut Vec<Mention>) -> String {
    let Some(user) = data.resolved.users.get(&id) else {
        return format!("@d{id}");
    };
    let person = inbound::partial_person(user, data.resolved.members.get(&id));
    let token = inbound::token(user);
    let word = format!("@{token}");
    mentions.push(Mention { token, person });
    word
}

/// The catalogue's entry for option `name` of `data` (inside its subcommand, if any): what it
/// holds, and whether its command is a member's or an operator's.
#[must_use]
pub fn argument(data: &CommandData, name: &str) -> Option<(Audience, &'static Arg)> {
    let spec = commands::find(&data.name)?;
    let args = spec.args_of(Args::of(&data.options).subcommand)?;
    args.iter()
        .find(|a| a.name == name)
        .map(|a| (spec.audience, a))
}

/// Writes `data` as a command line, in the order the catalogue gives the parser's words. A
/// command Steward does not know is written bare, so the parser answers that it is unknown.
#[must_use]
pub fn command_line(data: &CommandData) -> CommandLine {
    let mut mentions = Vec::new();
    let Some(spec) = commands::find(&data.name) else {
        return CommandLine {
            text: format!("/{}", data.name),
            mentions,
            files: Vec::new(),
        };
    };
    let args = Args::of(&data.options);
    let text = spec.write_line(args.subcommand, |arg| match arg.kind {
        ArgKind::Member => Some(member_word(data, args.user(arg.name)?, &mut mentions)),
        _ => args.text(arg.name),
    });
    let files = args
        .values
        .values()
        .filter_map(|value| match value {
            CommandDataOptionValue::Attachment(id) => data.resolved.attachments.get(id).cloned(),
            _ => None,
        })
        .collect::<Vec<_>>();
    CommandLine {
        text,
        mentions,
        files: inbound::media_of(&files),
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
    fn discord_autocomplete_finds_the_focused_option_in_the_catalogue() {
        let focused = |name: &str, options: serde_json::Value| {
            let data = data(serde_json::json!({
                "id": "1", "name": name, "type": 1, "options": options
            }));
            let focused = data
                .autocomplete()
                .expect("a focused option")
                .name
                .to_owned();
            argument(&data, &focused).map(|(audience, arg)| (audience, arg.kind))
        };
        let cancel = serde_json::json!([{"name": "cancel", "type": 1, "options": [
            {"name": "id", "type": 4, "value": "1", "focused": true}]}]);
        assert_eq!(
            focused("drop", cancel),
            Some((Audience::Operator, ArgKind::DropId))
        );
        let rate = serde_json::json!([{"name": "id", "type": 4, "value": "", "focused": true}]);
        assert_eq!(
            focused("rate", rate),
            Some((Audience::Member, ArgKind::DropId))
        );
        let reward =
            serde_json::json!([{"name": "reward", "type": 3, "value": "mu", "focused": true}]);
        assert_eq!(
            focused("redeem", reward),
            Some((Audience::Member, ArgKind::RewardId))
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
