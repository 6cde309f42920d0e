//! Interactions: slash commands, the "Schedule as drop" message command and its modal, rating
//! buttons, and autocomplete for drop ids and rewards. Each becomes the same engine event a typed
//! command would; the reply goes back as the interaction's response within Discord's 3 s (a
//! deferral first when the engine is slower).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use serenity::all::{
    ActionRowComponent, CommandInteraction, CommandType, ComponentInteraction, Context,
    InputTextStyle, Interaction, InteractionId, ModalInteraction, Permissions,
};
use serenity::builder::{
    Builder, CreateActionRow, CreateAutocompleteResponse, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal,
    EditInteractionResponse,
};
use tokio::sync::Mutex;

use super::outbound::MAX_CONTENT;
use super::{inbound, options};
use crate::core::commands::{ArgKind, Audience, DropButton};
use crate::engine::{Engine, Event, MessageEvent, Person, QuotedMessage, Sender};
use crate::tr;

/// Discord drops an interaction not answered in 3 s; past this the reply is deferred.
const ANSWER_WITHIN: Duration = Duration::from_millis(2000);
/// Forms opened but not submitted are forgotten after this many.
const MAX_PENDING_FORMS: usize = 1000;

/// Commands whose answer concerns only the caller (codes, balances, lists) answer privately.
const PRIVATE_ANSWERS: &[&str] = &[
    "help",
    "history",
    "link",
    "membership",
    "privacy",
    "shop",
    "tiers",
    "drops",
    "drop",
    "member",
    "redeem",
    "rate",
    "recommend",
    "feedback",
    "progress",
];

/// The message a "Schedule as drop" form is about.
#[derive(Clone)]
struct PendingForm {
    quoted: QuotedMessage,
    author: Person,
}

#[derive(Default)]
pub(super) struct Forms {
    pending: Mutex<HashMap<String, PendingForm>>,
}

/// Who pressed or typed, with the rights Discord computed for them in that channel.
fn sender(
    interaction_user: &serenity::model::user::User,
    member: Option<&serenity::model::guild::Member>,
    locale: &str,
) -> Sender {
    let person = match member {
        Some(member) => inbound::member_person(member),
        None => inbound::person(interaction_user, None),
    };
    let platform_admin = member
        .and_then(|m| m.permissions)
        .is_some_and(|p| p.intersects(Permissions::ADMINISTRATOR | Permissions::MANAGE_GUILD));
    Sender {
        person,
        platform_admin,
        locale: Some(locale.to_owned()),
    }
}

/// Whether an answer needs cutting to Discord's 2,000 characters.
fn too_long(text: &str) -> bool {
    text.chars().count() > MAX_CONTENT
}

/// An answer cut at a line end to Discord's 2,000 characters, ending with `note` (that it was
/// cut, in the reader's language).
fn fit(text: String, note: &str) -> String {
    if !too_long(&text) {
        return text;
    }
    let cut = format!("\n{note}");
    let room = MAX_CONTENT - cut.chars().count();
    let mut kept = String::new();
    let mut used = 0;
    for line in text.lines() {
        let len = line.chars().count() + 1;
        if used + len > room {
            break;
        }
        kept.push_str(line);
        kept.push('\n');
        used += len;
    }
    if kept.is_empty() {
        kept = text.chars().take(room).collect();
    }
    kept.truncate(kept.trim_end().len());
    kept + &cut
}

/// The reply as Discord shows it: "done" for a command with nothing to say, cut to fit. The
/// asker's language is looked up only when the adapter adds words of its own.
async fn shown(engine: &Engine, asker: &Sender, reply: Option<String>) -> String {
    match reply {
        Some(text) if !too_long(&text) => text,
        Some(text) => {
            let lang = engine.kernel().language_for(asker).await;
            fit(text, &tr!(lang, "discord-answer-cut"))
        }
        None => tr!(engine.kernel().language_for(asker).await, "discord-done"),
    }
}

/// Runs `event` through the engine and answers the interaction with the reply.
async fn answer(
    ctx: &Context,
    engine: &Engine,
    id: InteractionId,
    token: &str,
    event: MessageEvent,
    private: bool,
) {
    let asker = event.sender.clone();
    let work = engine.handle(Event::Message(event));
    tokio::pin!(work);
    let reply = tokio::select! {
        reply = &mut work => Some(reply),
        () = tokio::time::sleep(ANSWER_WITHIN) => None,
    };
    let result = match reply {
        Some(reply) => {
            let text = shown(engine, &asker, reply).await;
            let message = CreateInteractionResponseMessage::new()
                .content(text)
                .ephemeral(private);
            CreateInteractionResponse::Message(message)
                .execute(&ctx.http, (id, token))
                .await
        }
        None => {
            let defer = CreateInteractionResponseMessage::new().ephemeral(private);
            if let Err(e) = CreateInteractionResponse::Defer(defer)
                .execute(&ctx.http, (id, token))
                .await
            {
                tracing::warn!(error = %e, "deferring an interaction failed");
            }
            let text = shown(engine, &asker, work.await).await;
            EditInteractionResponse::new()
                .content(text)
                .execute(&ctx.http, token)
                .await
                .map(|_| ())
        }
    };
    if let Err(e) = result {
        tracing::warn!(error = %e, "answering an interaction failed");
    }
}

fn event(
    engine: &Engine,
    id: InteractionId,
    chat: crate::core::ids::ChatRef,
    sender: Sender,
    line: options::CommandLine,
) -> MessageEvent {
    // Files attached to the command come as a message of their own that the command carries.
    let quoted = (!line.files.is_empty()).then(|| QuotedMessage {
        chat: chat.clone(),
        message_id: format!("interaction-{id}"),
        text: String::new(),
        media: line.files,
    });
    MessageEvent {
        chat,
        // Discord may deliver an interaction twice; its id makes the request key.
        message_id: Some(format!("interaction-{id}")),
        sender,
        text: line.text,
        is_edit: false,
        reply_to: None,
        quoted,
        mentions: line.mentions,
        at: engine.kernel().now(),
    }
}

pub(super) async fn handle(
    ctx: Context,
    engine: Arc<Engine>,
    forms: &Forms,
    interaction: Interaction,
) {
    match interaction {
        Interaction::Command(command) if command.data.kind == CommandType::Message => {
            open_drop_form(&ctx, &engine, forms, command).await;
        }
        Interaction::Command(command) => on_command(&ctx, &engine, command).await,
        Interaction::Component(press) => on_button(&ctx, &engine, press).await,
        Interaction::Autocomplete(command) => autocomplete(&ctx, &engine, command).await,
        Interaction::Modal(form) => on_form(&ctx, &engine, forms, form).await,
        _ => {}
    }
}

async fn on_command(ctx: &Context, engine: &Engine, command: CommandInteraction) {
    let line = options::command_line(&command.data);
    let chat = inbound::chat_ref(command.channel_id, command.guild_id);
    let sender = sender(&command.user, command.member.as_deref(), &command.locale);
    let private = PRIVATE_ANSWERS.contains(&command.data.name.as_str());
    let event = event(engine, command.id, chat, sender, line);
    answer(ctx, engine, command.id, &command.token, event, private).await;
}

/// A drop's button: `/rate ID STARS` or `/done ID` from whoever pressed it.
async fn on_button(ctx: &Context, engine: &Engine, press: ComponentInteraction) {
    let Some(button) = DropButton::parse(&press.data.custom_id) else {
        return;
    };
    let line = options::CommandLine {
        text: button.command_line(),
        mentions: Vec::new(),
        files: Vec::new(),
    };
    let chat = inbound::chat_ref(press.channel_id, press.guild_id);
    let sender = sender(&press.user, press.member.as_ref(), &press.locale);
    let event = event(engine, press.id, chat, sender, line);
    answer(ctx, engine, press.id, &press.token, event, true).await;
}

/// Choices while someone types an option. Each list comes from the engine, which offers only
/// what this person may see (a member never reads a drop their tier withholds).
async fn autocomplete(ctx: &Context, engine: &Engine, command: CommandInteraction) {
    let Some(focused) = command.data.autocomplete() else {
        return;
    };
    let typed = focused.value;
    let asker = sender(&command.user, command.member.as_deref(), &command.locale);
    let mut choices = CreateAutocompleteResponse::new();
    match options::argument(&command.data, focused.name) {
        Some((_, arg)) if arg.kind == ArgKind::RewardId => {
            for reward in engine.choices().rewards_offered_to(&asker, typed).await {
                choices = choices.add_string_choice(reward.label, reward.value);
            }
        }
        Some((_, arg)) if arg.kind == ArgKind::PlanId => {
            for plan in engine.choices().plans_offered_to(&asker, typed).await {
                choices = choices.add_string_choice(plan.label, plan.value);
            }
        }
        Some((audience, arg)) if arg.kind == ArgKind::DropId => {
            // A member names a drop only to rate it; operators' commands manage drops.
            let drops = match audience {
                Audience::Member => engine.choices().drops_member_may_rate(&asker, typed).await,
                Audience::Operator => engine.choices().drops_operator_manages(&asker, typed).await,
            };
            match drops {
                Ok(drops) => {
                    for drop in drops {
                        choices = choices.add_int_choice(drop.label, drop.value);
                    }
                }
                Err(e) => tracing::warn!(error = %e, "drop autocomplete failed"),
            }
        }
        // Nothing else asks for suggestions; an empty list still answers Discord.
        _ => {}
    }
    if let Err(e) = CreateInteractionResponse::Autocomplete(choices)
        .execute(&ctx.http, (command.id, &command.token))
        .await
    {
        tracing::debug!(error = %e, "autocomplete answer failed");
    }
}

/// "Schedule as drop" on a message: a form asking WHEN and the options.
async fn open_drop_form(
    ctx: &Context,
    engine: &Engine,
    forms: &Forms,
    command: CommandInteraction,
) {
    let Some(message) = command
        .data
        .target_id
        .and_then(|id| command.data.resolved.messages.get(&id.to_message_id()))
    else {
        return;
    };
    let key = format!("drop-form:{}", command.id);
    {
        let mut pending = forms.pending.lock().await;
        if pending.len() >= MAX_PENDING_FORMS {
            pending.clear();
        }
        pending.insert(
            key.clone(),
            PendingForm {
                quoted: QuotedMessage {
                    chat: inbound::chat_ref(message.channel_id, command.guild_id),
                    message_id: message.id.to_string(),
                    text: message.content.clone(),
                    media: inbound::media_of(&message.attachments),
                },
                author: inbound::person(&message.author, None),
            },
        );
    }
    let opener = sender(&command.user, command.member.as_deref(), &command.locale);
    let lang = engine.kernel().language_for(&opener).await;
    let when = CreateInputText::new(InputTextStyle::Short, tr!(lang, "drop-form-when"), "when")
        .placeholder(tr!(lang, "drop-form-when-example"))
        .required(true);
    let rest = CreateInputText::new(
        InputTextStyle::Short,
        tr!(lang, "drop-form-options"),
        "options",
    )
    .placeholder(tr!(lang, "drop-form-options-example"))
    .required(false);
    let form = CreateModal::new(key, tr!(lang, "drop-form-title")).components(vec![
        CreateActionRow::InputText(when),
        CreateActionRow::InputText(rest),
    ]);
    if let Err(e) = CreateInteractionResponse::Modal(form)
        .execute(&ctx.http, (command.id, &command.token))
        .await
    {
        tracing::warn!(error = %e, "opening the drop form failed");
    }
}

/// The submitted form: `/drop WHEN OPTIONS` as a reply to the chosen message.
async fn on_form(ctx: &Context, engine: &Engine, forms: &Forms, form: ModalInteraction) {
    let Some(pending) = forms.pending.lock().await.remove(&form.data.custom_id) else {
        // Forms live in memory: one opened before a restart has lost its message.
        let presser = sender(&form.user, form.member.as_ref(), &form.locale);
        let lang = engine.kernel().language_for(&presser).await;
        let expired = CreateInteractionResponseMessage::new()
            .content(tr!(lang, "drop-form-expired"))
            .ephemeral(true);
        if let Err(e) = CreateInteractionResponse::Message(expired)
            .execute(&ctx.http, (form.id, &form.token))
            .await
        {
            tracing::warn!(error = %e, "answering an expired form failed");
        }
        return;
    };
    let mut fields: HashMap<String, String> = HashMap::new();
    for row in &form.data.components {
        for component in &row.components {
            if let ActionRowComponent::InputText(input) = component {
                let value = input.value.as_deref().unwrap_or_default().trim();
                fields.insert(input.custom_id.clone(), value.to_owned());
            }
        }
    }
    let field = |name: &str| fields.get(name).map_or("", String::as_str);
    let text = format!("/drop {} {}", field("when"), field("options"));
    let line = options::CommandLine {
        text: text.trim_end().to_owned(),
        mentions: Vec::new(),
        files: Vec::new(),
    };
    let chat = inbound::chat_ref(form.channel_id, form.guild_id);
    let sender = sender(&form.user, form.member.as_ref(), &form.locale);
    let mut event = event(engine, form.id, chat, sender, line);
    event.reply_to = Some(pending.author);
    event.quoted = Some(pending.quoted);
    answer(ctx, engine, form.id, &form.token, event, true).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_discord_answer_is_cut_at_a_line_end_within_the_limit() {
        let long: String = (0..300)
            .map(|i| format!("line {i:04} of a long list\n"))
            .collect();
        let note = "… (more than Discord shows in one answer)";
        let cut = fit(long, note);
        assert!(cut.chars().count() <= MAX_CONTENT);
        assert!(cut.ends_with(note));
        assert!(cut.contains("line 0000") && !cut.contains("line 0299"));
        let one_line = "x".repeat(5000);
        assert!(fit(one_line, note).chars().count() <= MAX_CONTENT);
        assert_eq!(fit("short".to_owned(), note), "short");
    }
}
