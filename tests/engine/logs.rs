//! Issue #28 item 7: the engine's log lines carry the platform, command and member of the
//! request in their span, and a message in a chat that is not the community's is logged once
//! per chat with the key that would add it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use crate::helpers::*;

/// Log output kept in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn lines(&self) -> Vec<serde_json::Value> {
        String::from_utf8(self.0.lock().unwrap().clone())
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

/// JSON log lines, as `log.format = "json"` writes them, for the current thread.
fn capture() -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .flatten_event(true)
        .with_current_span(true)
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || writer.clone())
        .finish();
    (captured, tracing::subscriber::set_default(subscriber))
}

#[tokio::test(flavor = "current_thread")]
async fn a_message_in_an_unconfigured_chat_is_logged_once_with_the_key_to_add_it() {
    let app = spawn_app().await;
    let (log, _guard) = capture();
    let alice = telegram("7", "alice");
    let mut elsewhere = telegram_group();
    elsewhere.chat_id = "-1009999".into();
    for text in ["hello", "anyone here?"] {
        let reply = app
            .send(message(&alice, elsewhere.clone(), text, app.clock_now()))
            .await;
        assert_eq!(reply, None);
    }
    app.send(message(
        &alice,
        telegram_group(),
        "hello there",
        app.clock_now(),
    ))
    .await;

    let about: Vec<_> = log
        .lines()
        .into_iter()
        .filter(|l| l["chat"] == "-1009999" && l["key"] == "telegram.chats")
        .collect();
    assert_eq!(about.len(), 1, "{:#?}", log.lines());
    assert_eq!(about[0]["level"], "INFO");
    let said = about[0]["message"].as_str().unwrap();
    assert!(said.contains("add -1009999 to telegram.chats"), "{said}");
}

#[tokio::test(flavor = "current_thread")]
async fn a_commands_log_lines_carry_its_platform_command_and_member() {
    let app = spawn_app().await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    let (log, _guard) = capture();
    app.say(&alice, "/rank").await;
    let lines = log.lines();
    let line = lines
        .iter()
        .find(|l| l["span"]["name"] == "command")
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(line["span"]["platform"], "console");
    assert_eq!(line["span"]["command"], "rank");
    assert_eq!(line["message"], "command answered");
    assert!(line["span"]["member"].is_i64(), "{line}");
}
