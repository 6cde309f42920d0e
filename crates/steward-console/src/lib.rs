//! The console adapter: a community in a terminal. Each input line is a message from the current
//! member in the current chat; lines starting with `/` are commands. Console-only controls:
//! `/as NAME`, `/chat NAME` (`/chat dm` is a private chat with the bot), `/op`,
//! `/reply NAME TEXT` (a reply to NAME's last message or question) and `/quit`. Bot output lines start with
//! `bot>`. It reads piped input too, so sessions can be scripted.

// The layers below, under the names the adapter's paths use.
use steward_core as core;
use steward_engine as engine;
use steward_i18n as i18n;
use steward_i18n::{msg, tr};

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

use crate::core::duration::parse_span;
use crate::core::ids::{AccountRef, ChatRef, Platform, is_console_name};
use crate::engine::{Engine, Event, Mention, MessageEvent, Person, QuotedMessage, Sender};
use crate::i18n::Lang;

/// Where console output goes: stdout in the binary, a buffer in tests.
pub type Output = Arc<Mutex<dyn Write + Send>>;

mod platform;
pub use platform::ConsolePlatform;
use platform::print;

/// The console session's state: who is typing, where, and who was made operator.
pub struct Console {
    name: String,
    chat: String,
    operators: HashSet<String>,
    out: Output,
    /// Makes message ids (and so request keys) unique across console sessions on one
    /// database: random, so sessions started in the same second never share one.
    session: u64,
    next_message: u64,
    /// Each member's last message per chat, for `/reply`: (chat, name) -> (id, text).
    last_messages: HashMap<(String, String), (String, String)>,
    /// The community's language, for the console's own lines.
    lang: Lang,
}

/// What a console control line asks for.
enum Control {
    Handled,
    Quit,
    Message {
        text: String,
        reply_to: Option<String>,
    },
    Wait(Duration),
}

impl Console {
    #[must_use]
    pub fn new(start_as: &str, out: Output) -> Self {
        Self {
            name: start_as.to_owned(),
            chat: "general".into(),
            operators: HashSet::new(),
            out,
            session: rand::random(),
            next_message: 0,
            last_messages: HashMap::new(),
            lang: Lang::default(),
        }
    }

    /// Reads lines until end of input, `/quit`, or `stop` completes, handing each to the
    /// engine. `stop` only interrupts the wait for input, never an event being handled, so a
    /// shutdown finishes the write in flight.
    pub async fn run<R, S>(&mut self, engine: &Engine, input: R, stop: S) -> std::io::Result<()>
    where
        R: AsyncBufRead + Unpin,
        S: Future<Output = ()>,
    {
        self.lang = engine.kernel().community_language();
        let mut input = input;
        let mut bytes = Vec::new();
        let mut stop = std::pin::pin!(stop);
        loop {
            bytes.clear();
            let read = tokio::select! {
                biased;
                () = &mut stop => break,
                read = input.read_until(b'\n', &mut bytes) => read?,
            };
            if read == 0 {
                break;
            }
            // A line that is not UTF-8 (a stray byte in a pasted or piped file) is read with the
            // bad bytes replaced, and said so, instead of ending the session.
            let line = String::from_utf8_lossy(&bytes);
            if std::str::from_utf8(&bytes).is_err() {
                self.say(&tr!(self.lang, "console-bad-utf8"));
            }
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            match self.control(line) {
                Control::Handled => {}
                Control::Quit => break,
                Control::Wait(span) => tokio::time::sleep(span).await,
                Control::Message {
                    reply_to: Some(who),
                    ..
                } if !self.has_message_from(&who) => {
                    self.say(&tr!(
                        self.lang,
                        "console-nothing-to-reply-to",
                        who = who,
                        chat = &self.chat
                    ));
                }
                Control::Message { text, reply_to } => {
                    let event = self.message(engine, text, reply_to);
                    if let Some(reply) = engine.handle(Event::Message(event)).await {
                        print(&self.out, "", &reply);
                    }
                }
            }
        }
        Ok(())
    }

    fn control(&mut self, line: &str) -> Control {
        let (head, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim();
        match head {
            "/as" if is_console_name(rest) => {
                self.name = rest.to_owned();
                self.say(&tr!(self.lang, "console-now-as", name = rest));
            }
            "/chat" if is_console_name(rest) => {
                self.chat = rest.to_lowercase();
                self.say(&tr!(self.lang, "console-now-in", chat = &self.chat));
            }
            "/as" | "/chat" => self.say(&tr!(self.lang, "console-usage-name", control = head)),
            "/op" => {
                self.operators.insert(self.name.to_lowercase());
                self.say(&tr!(self.lang, "console-now-operator", name = &self.name));
            }
            "/reply" => match rest.split_once(char::is_whitespace) {
                Some((who, text)) if is_console_name(who.trim_start_matches('@')) => {
                    return Control::Message {
                        text: text.trim().to_owned(),
                        reply_to: Some(who.trim_start_matches('@').to_owned()),
                    };
                }
                _ => self.say(&tr!(self.lang, "console-usage-reply")),
            },
            "/quit" | "/exit" => return Control::Quit,
            "/wait" => match parse_span(rest) {
                Ok(span) if span <= chrono::Duration::hours(1) => {
                    return Control::Wait(span.to_std().unwrap_or_default());
                }
                _ => self.say(&tr!(self.lang, "console-usage-wait")),
            },
            _ => {
                return Control::Message {
                    text: line.to_owned(),
                    reply_to: None,
                };
            }
        }
        Control::Handled
    }

    fn say(&self, text: &str) {
        print(&self.out, "", text);
    }

    /// The chat the current member types in.
    fn chat_ref(&self) -> ChatRef {
        if self.chat == "dm" {
            ChatRef::private(
                Platform::Console,
                format!("dm-{}", self.name.to_lowercase()),
            )
        } else {
            ChatRef::group(Platform::Console, self.chat.clone())
        }
    }

    /// Whether `who` wrote something in the current chat that `/reply` can answer.
    fn has_message_from(&self, who: &str) -> bool {
        let chat = self.chat_ref().chat_id;
        self.last_messages.contains_key(&(chat, who.to_lowercase()))
    }

    fn message(&mut self, engine: &Engine, text: String, reply_to: Option<String>) -> MessageEvent {
        let chat = self.chat_ref();
        // On the console every @name is somebody: the account of that name.
        let mentions = text
            .split_whitespace()
            .filter_map(|w| w.strip_prefix('@'))
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_' && c != '-'))
            .filter(|w| is_console_name(w))
            .map(|w| Mention {
                token: w.to_owned(),
                person: person(w),
            })
            .collect();
        self.next_message += 1;
        let message_id = format!("{:016x}-{}", self.session, self.next_message);
        let quoted = reply_to.as_ref().and_then(|who| {
            let (id, text) = self
                .last_messages
                .get(&(chat.chat_id.clone(), who.to_lowercase()))?;
            Some(QuotedMessage {
                chat: chat.clone(),
                message_id: id.clone(),
                text: text.clone(),
                media: Vec::new(),
            })
        });
        // Commands are not what `/reply` answers, except a question: answers reply to `/ask`.
        if !text.starts_with('/') || text.starts_with("/ask ") {
            self.last_messages.insert(
                (chat.chat_id.clone(), self.name.to_lowercase()),
                (message_id.clone(), text.clone()),
            );
        }
        MessageEvent {
            chat,
            message_id: Some(message_id),
            quoted,
            sender: Sender {
                person: person(&self.name),
                platform_admin: self.operators.contains(&self.name.to_lowercase()),
                locale: None,
            },
            text,
            is_edit: false,
            reply_to: reply_to.as_deref().map(person),
            mentions,
            at: engine.kernel().now(),
        }
    }
}

fn person(name: &str) -> Person {
    Person::named(
        AccountRef::new(Platform::Console, name.to_lowercase()),
        name,
    )
}
