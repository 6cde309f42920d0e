//! Chat messages: routing commands, message XP with its cooldown, and thanks-word replies;
//! and telling the operator, once per chat, of messages in chats that are not the community's.

use tracing::field::Empty;

use super::Engine;
use super::analytics::Said;
use super::commands::CommandContext;
use super::events::MessageEvent;
use super::sync::lock;
use crate::core::commands::{self, Audience, CommandError};
use crate::core::ids::Platform;

impl Engine {
    /// Handles a message; returns the reply for its chat, if any.
    #[tracing::instrument(
        name = "message",
        skip_all,
        fields(platform = message.chat.platform.as_str(), chat = %message.chat.chat_id, member = Empty, command = Empty)
    )]
    pub(crate) async fn handle_message(&self, message: MessageEvent) -> Option<String> {
        let person = &message.sender.person;
        let community = self.kernel.config.chats.is_community(&message.chat);
        if person.is_bot || message.is_edit {
            return None;
        }
        if !(community || message.chat.private) {
            self.note_unconfigured_chat(&message.chat);
            return None;
        }
        let parsed = commands::parse(&message.text, message.reply_to.is_some());
        match &parsed {
            Ok(None) => self.kernel.metrics.event("message", message.chat.platform),
            // A command is counted where it runs (`run_command`, which slash commands reach
            // too); one that does not parse, here.
            Err(_) => self.kernel.metrics.event("command", message.chat.platform),
            Ok(Some(command)) => {
                tracing::Span::current().record("command", command.name());
            }
        }
        let member = match self.identity.member_of(person, message.at).await {
            Ok(member) => member,
            Err(e) => return Some(super::reply_text(self.kernel.community_language(), Err(e))),
        };
        tracing::Span::current().record("member", member.0);
        if community {
            let said = match &parsed {
                Ok(None) => Said::Chat,
                _ => Said::Command,
            };
            self.activity
                .note_activity(member, &message.chat, message.at, said);
        }
        // Only a command is answered, so only a command needs the member's language.
        let lang = match parsed {
            Ok(None) => self.kernel.community_language(),
            _ => {
                self.kernel
                    .reply_language(member, message.sender.locale.as_deref())
                    .await
            }
        };
        let command = match parsed {
            Ok(command) => command,
            // Members get the refusal, not the usage, of operator commands.
            Err(CommandError::Usage { spec, .. })
                if spec.audience == Audience::Operator
                    && !self.kernel.is_operator(&message.sender) =>
            {
                return Some(super::commands::operator_only(lang, spec.name));
            }
            Err(problem) => {
                return Some(super::commands::command_error(
                    lang,
                    &problem,
                    message.chat.platform,
                ));
            }
        };
        let request_key = match &message.message_id {
            Some(id) => format!("{}:{}:{id}", message.chat.platform, message.chat.chat_id),
            None => format!("unkeyed:{:016x}", self.kernel.random_u64()),
        };
        let ctx = CommandContext {
            chat: message.chat,
            sender: message.sender,
            member,
            reply_to: message.reply_to,
            quoted: message.quoted,
            message_id: message.message_id,
            mentions: message.mentions,
            at: message.at,
            lang,
            request_key,
        };
        if let Some(command) = command {
            return Some(self.commands.run_command(&ctx, command).await);
        }
        if !community {
            return None;
        }
        if ctx.reply_to.is_some() && self.kernel.config.thanks.is_thanks_word(&message.text) {
            // Limits still apply; a refused thanks word is not worth a reply in the group.
            return self.points.thanks_command(&ctx, None, None).await.ok();
        }
        if let Err(e) = self.questions.note_answer(&ctx, &message.text).await {
            tracing::error!(error = ?e, "an answer could not be noted");
        }
        if let Err(e) = self.ingest.message_xp(&ctx, &message.text).await {
            tracing::error!(error = ?e, "message XP failed");
        }
        None
    }

    /// Logs, once per chat (per Discord server) and process, that a message came from a chat
    /// Steward is not configured for, with the id and the key that would make it the
    /// community's: the way operators find a Telegram group's id.
    fn note_unconfigured_chat(&self, chat: &crate::core::ids::ChatRef) {
        let (id, key, variable) = match (chat.platform, &chat.server) {
            (Platform::Discord, Some(guild)) => (guild, "discord.guilds", "STEWARD_DISCORD_GUILDS"),
            (Platform::Telegram, _) => (&chat.chat_id, "telegram.chats", "STEWARD_TELEGRAM_CHATS"),
            _ => return,
        };
        if !lock(&self.kernel.unconfigured_chats).insert((chat.platform, id.clone())) {
            return;
        }
        tracing::info!(
            platform = chat.platform.as_str(),
            chat = %id,
            key,
            "a message in a chat Steward is not configured for was ignored; to make it the \
             community's, add {id} to {key} (or {variable})"
        );
    }
}
