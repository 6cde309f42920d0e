//! The Telegram adapter (teloxide): long polling with the update offset stored in the database,
//! updates turned into engine events, replies and actions sent back through [`TelegramPlatform`].
//! Holds no business rules: who may do what is the engine's, except asking Telegram who the
//! chat admins are.

// The layers below, under the names the adapter's paths use.
use steward_config as config;
use steward_core as core;
use steward_engine as engine;
use steward_i18n as i18n;
use steward_i18n::{msg, tr};

mod admins;
mod inbound;
mod media;
mod menu;
mod outbound;
mod payments;

use std::sync::Arc;
use std::time::Duration;

use teloxide::Bot;
use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::payloads::{AnswerCallbackQuerySetters, GetUpdatesSetters, SetMyCommandsSetters};
use teloxide::prelude::Requester;
use teloxide::types::{AllowedUpdate, BotCommandScope, Update, UpdateKind};
use tokio::sync::watch;

use crate::config::{Secret, TelegramConfig};
use crate::core::commands::DropButton;
use crate::core::ids::{ChatRef, Platform};
use crate::engine::{Engine, Event, MessageEvent, Sender};
use crate::i18n::Lang;
use admins::AdminCache;
use menu::menu;
pub use outbound::TelegramPlatform;

/// The bot client, paced under Telegram's limits (about 30 messages/s overall, 20/min per group).
pub type TgBot = Throttle<Bot>;

/// Long-polling wait; below the HTTP client's 17 s timeout.
const POLL_SECONDS: u32 = 10;

#[derive(Debug, thiserror::Error)]
pub enum TelegramError {
    /// `telegram.api_url` could not be parsed.
    #[error("telegram.api_url `{0}` is not a URL")]
    BadUrl(String),
}

/// A paced client for the Bot API at `api_url`. Call inside the runtime (the pacer is a task).
pub fn connect(token: &Secret, api_url: &str) -> Result<TgBot, TelegramError> {
    let url = url::Url::parse(api_url).map_err(|_| TelegramError::BadUrl(api_url.to_owned()))?;
    let bot = Bot::new(token.expose()).set_api_url(url);
    Ok(Throttle::new_spawn(bot, Limits::default()))
}

/// Whether an update is ordinary chat (text that is no command): handling it twice after a
/// crash costs nothing (the stored cooldown and the thanks limits hold), and its order against
/// other chat does not matter.
fn is_plain_chat(update: &Update) -> bool {
    match &update.kind {
        UpdateKind::Message(message) => {
            message.new_chat_members().is_none()
                && message.left_chat_member().is_none()
                && message
                    .text()
                    .or_else(|| message.caption())
                    .is_some_and(|t| !t.starts_with('/'))
        }
        _ => false,
    }
}

/// Splits a poll's updates, in order, into runs: consecutive plain chat together, everything
/// else alone. The offset is stored after each run.
fn runs(updates: Vec<Update>) -> Vec<Vec<Update>> {
    let mut runs: Vec<Vec<Update>> = Vec::new();
    let mut chatting = false;
    for update in updates {
        let plain = is_plain_chat(&update);
        match runs.last_mut() {
            Some(run) if plain && chatting => run.push(update),
            _ => runs.push(vec![update]),
        }
        chatting = plain;
    }
    runs
}

/// Receives updates and hands them to the engine.
pub struct TelegramAdapter {
    bot: TgBot,
    engine: Arc<Engine>,
    admins: AdminCache,
    chats: Vec<i64>,
}

impl TelegramAdapter {
    #[must_use]
    pub fn new(bot: TgBot, engine: Arc<Engine>, config: &TelegramConfig) -> Self {
        Self {
            bot,
            engine,
            admins: AdminCache::default(),
            chats: config.chats.clone(),
        }
    }

    /// Registers the command menus: member commands for everyone, all commands for chat admins;
    /// described in the community's language by default, and in each locale for members whose
    /// app uses that language. A server without setMyCommands is logged and survived.
    pub async fn register_commands(&self) {
        let default = self.engine.kernel().community_language();
        let languages = std::iter::once((default, None))
            .chain(Lang::all().map(|lang| (lang, Some(lang.language().to_owned()))));
        for (lang, code) in languages {
            for operator in [false, true] {
                let mut request = self.bot.set_my_commands(menu(operator, lang));
                if operator {
                    request = request.scope(BotCommandScope::AllChatAdministrators);
                }
                if let Some(code) = &code {
                    request = request.language_code(code.clone());
                }
                if let Err(e) = request.await {
                    tracing::warn!(error = %e, operator, language = ?code, "setMyCommands failed; commands still work when typed");
                }
            }
        }
    }

    /// Polls until `stop` turns true. The offset is stored after each update is handled, so a
    /// restart resumes where this run stopped.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        self.register_commands().await;
        // Deep links (`/invite`'s) name the bot.
        match self.bot.get_me().await {
            Ok(me) => self.engine.referrals().set_telegram_bot(me.username()),
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the bot's name; /invite gives no link")
            }
        }
        let mut offset: i32 = match self.engine.kernel().update_cursor(Platform::Telegram).await {
            Ok(cursor) => cursor.and_then(|c| i32::try_from(c).ok()).unwrap_or(0),
            Err(e) => {
                tracing::error!(error = %e, "cannot read the stored Telegram offset; starting from the server's");
                0
            }
        };
        let allowed = [
            AllowedUpdate::Message,
            AllowedUpdate::CallbackQuery,
            AllowedUpdate::ChatJoinRequest,
            AllowedUpdate::PreCheckoutQuery,
        ];
        let mut failures = 0u32;
        self.engine
            .operations()
            .report_connected(Platform::Telegram, false);
        while !*stop.borrow() {
            let request = self
                .bot
                .get_updates()
                .offset(offset)
                .timeout(POLL_SECONDS)
                .allowed_updates(allowed);
            let updates = tokio::select! {
                _ = stop.changed() => break,
                result = request => result,
            };
            let updates = match updates {
                Ok(updates) => {
                    failures = 0;
                    self.engine
                        .operations()
                        .report_connected(Platform::Telegram, true);
                    updates
                }
                Err(e) => {
                    failures += 1;
                    if failures >= 3 {
                        self.engine
                            .operations()
                            .report_connected(Platform::Telegram, false);
                    }
                    tracing::warn!(error = %crate::engine::platform::with_causes(&e), failures, "getUpdates failed");
                    tokio::time::sleep(Duration::from_secs(u64::from(failures.min(30)))).await;
                    continue;
                }
            };
            for run in runs(updates) {
                let Some(last) = run.last().map(|u| u.id.0) else {
                    continue;
                };
                // Plain chat messages of a run are handled together, so a burst of chat shares
                // group commits; commands go one at a time, after everything before them.
                futures::future::join_all(run.into_iter().map(|u| self.handle(u))).await;
                offset = last.saturating_add(1).try_into().unwrap_or(i32::MAX);
                if let Err(e) = self
                    .engine
                    .kernel()
                    .save_update_cursor(Platform::Telegram, i64::from(offset))
                    .await
                {
                    tracing::error!(error = %e, "cannot store the Telegram offset");
                }
            }
        }
    }

    async fn handle(&self, update: Update) {
        match update.kind {
            UpdateKind::Message(message) => {
                if self.on_payment_message(&message).await {
                    return;
                }
                self.on_members(&message).await;
                self.on_message(&message).await;
            }
            UpdateKind::PreCheckoutQuery(query) => self.on_pre_checkout(query).await,
            UpdateKind::CallbackQuery(query) => self.on_callback(query).await,
            UpdateKind::ChatJoinRequest(request) => self.on_join_request(request).await,
            _ => {}
        }
    }

    async fn is_admin(&self, chat: &teloxide::types::Chat, user: teloxide::types::UserId) -> bool {
        if chat.is_private() {
            self.admins
                .is_admin_anywhere(&self.bot, &self.chats, user)
                .await
        } else if self.chats.contains(&chat.id.0) {
            self.admins.is_admin(&self.bot, chat.id.0, user.0).await
        } else {
            false
        }
    }

    async fn on_message(&self, message: &teloxide::types::Message) {
        let Some(user) = &message.from else { return };
        let is_command = message.text().is_some_and(|t| t.starts_with('/'));
        // Asking Telegram about admins only matters for commands.
        let admin = is_command && !user.is_bot && self.is_admin(&message.chat, user.id).await;
        let Some(event) = inbound::message_event(message, admin, self.engine.kernel().now()) else {
            return;
        };
        if let Some(reply) = self.engine.handle(Event::Message(event)).await
            && let Err(e) = self.bot.send_message(message.chat.id, reply).await
        {
            tracing::warn!(chat = message.chat.id.0, error = %e, "reply failed");
        }
    }

    async fn on_members(&self, message: &teloxide::types::Message) {
        let chat = inbound::chat_ref(&message.chat);
        let at = self.engine.kernel().now();
        for user in message.new_chat_members().unwrap_or_default() {
            let event = Event::MemberJoined {
                chat: chat.clone(),
                person: inbound::person(user),
                at,
            };
            self.engine.handle(event).await;
        }
    }

    /// A drop's button, answered as `/rate ID STARS` or `/done ID` from the presser.
    async fn on_callback(&self, query: teloxide::types::CallbackQuery) {
        let button = query.data.as_deref().and_then(DropButton::parse);
        let answer = match button {
            Some(button) => {
                let event = MessageEvent {
                    chat: ChatRef::private(Platform::Telegram, query.from.id.0.to_string()),
                    message_id: Some(format!("callback-{}", query.id.0)),
                    sender: Sender {
                        person: inbound::person(&query.from),
                        platform_admin: false,
                        locale: query.from.language_code.clone(),
                    },
                    text: button.command_line(),
                    is_edit: false,
                    reply_to: None,
                    quoted: None,
                    mentions: Vec::new(),
                    at: self.engine.kernel().now(),
                };
                self.engine.handle(Event::Message(event)).await
            }
            None => None,
        };
        let mut request = self.bot.answer_callback_query(query.id.clone());
        if let Some(text) = answer {
            request = request.text(text);
        }
        if let Err(e) = request.await {
            tracing::warn!(error = %e, "answerCallbackQuery failed");
        }
    }

    /// A join request to a tier chat: approved when a running tier (or operator status) gives
    /// access to that chat, declined otherwise.
    async fn on_join_request(&self, request: teloxide::types::ChatJoinRequest) {
        let account = inbound::account(&request.from);
        let chat = request.chat.id;
        let allowed = match self
            .engine
            .membership()
            .may_join_chat(&account, &chat.0.to_string())
            .await
        {
            Ok(allowed) => allowed,
            Err(e) => {
                tracing::error!(error = ?e, "cannot decide a join request; leaving it pending");
                return;
            }
        };
        let result = if allowed {
            self.bot
                .approve_chat_join_request(chat, request.from.id)
                .await
        } else {
            self.bot
                .decline_chat_join_request(chat, request.from.id)
                .await
        };
        if let Err(e) = result {
            tracing::warn!(chat = chat.0, error = %e, "answering a join request failed");
        }
    }
}
