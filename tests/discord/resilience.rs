//! The gateway connection: a dropped socket is resumed without losing events, and a member
//! linked across platforms is one member on both.

use std::time::Duration;

use serde_json::json;

use crate::fake_discord::FakeDiscord;

use crate::harness::{self, alice};
use crate::payloads::MEMBER_PERMISSIONS;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_gateway_reconnect_resumes_without_losing_events() {
    let app = harness::spawn().await;
    let identify = &app.discord.identifies()[0];
    let intents = identify["intents"].as_u64().unwrap();
    // GUILDS | GUILD_MEMBERS | GUILD_MESSAGES | MESSAGE_CONTENT, nothing else.
    assert_eq!(intents, 1 | 2 | 512 | 32768);
    app.discord.close_gateway();
    // Sent while the socket is down: the fake keeps it and replays it on RESUME.
    app.say(&alice(), "a message during the reconnect");
    app.wait_for_xp(&alice(), 15).await;
    assert_eq!(app.discord.resumes(), 1);
    assert_eq!(
        app.discord.identifies().len(),
        1,
        "resumed, not identified again"
    );
    let rank = app
        .slash(&alice(), MEMBER_PERMISSIONS, "rank", json!([]), &[])
        .await;
    assert!(rank.contains("#1 all time"), "{rank}");
    app.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_and_telegram_accounts_linked_share_one_rank() {
    let app = harness::spawn_both().await;
    let telegram = app.telegram.as_ref().unwrap();
    let tg_alice = crate::fake_bot_api::user(501, "Alice");
    telegram.say(501, tg_alice.clone(), "/daily").await;
    telegram.reply_in(501, "Checked in").await;
    telegram.say(501, tg_alice.clone(), "/link").await;
    let code_reply = telegram.reply_in(501, "Your link code is").await;
    let code = code_reply
        .split_whitespace()
        .nth(4)
        .unwrap()
        .trim_end_matches('.')
        .to_owned();
    let linked = app
        .slash(
            &alice(),
            MEMBER_PERMISSIONS,
            "link",
            json!([{"name": "code", "type": 3, "value": code}]),
            &[],
        )
        .await;
    assert!(linked.starts_with("Linked:"), "{linked}");
    let on_discord = app
        .slash(&alice(), MEMBER_PERMISSIONS, "rank", json!([]), &[])
        .await;
    telegram.say(501, tg_alice, "/rank").await;
    let on_telegram = telegram.reply_in(501, "Level 0").await;
    assert!(on_discord.contains("50 XP"), "{on_discord}");
    assert_eq!(on_discord, on_telegram);
    app.shutdown().await;
}

#[test]
fn discord_fake_payloads_satisfy_serenitys_strict_models() {
    use crate::payloads;
    use serenity::model::prelude::{Guild, Interaction, Message, Ready};
    let member = payloads::member(&payloads::user(1, "Ann"), "0");
    let guild: Guild = serde_json::from_value(payloads::guild(&[member])).unwrap();
    assert_eq!(guild.members.len(), 1);
    assert_eq!(guild.channels.len(), 3);
    let thread: serenity::model::channel::GuildChannel =
        serde_json::from_value(payloads::thread(9, "1400", "A question")).unwrap();
    assert_eq!(
        thread.kind,
        serenity::model::channel::ChannelType::PublicThread
    );
    let ready: Ready = serde_json::from_value(payloads::ready("s", "ws://x")).unwrap();
    assert_eq!(ready.application.id.get(), payloads::APP_ID);
    let message = payloads::message(1, payloads::GENERAL, &alice(), "hi");
    let _: Message = serde_json::from_value(message.clone()).unwrap();
    for interaction in [
        payloads::slash(2, &alice(), "0", "rank", json!([]), &[]),
        payloads::button(3, &alice(), "rate:1:5", &message),
        payloads::message_command(4, &alice(), &message),
        payloads::modal_submit(5, &alice(), "drop-form:4", &[("when", "now")]),
        payloads::autocomplete(6, &alice(), "redeem", None, ("reward", 3, "p")),
    ] {
        let parsed: Interaction = serde_json::from_value(interaction.clone()).unwrap();
        assert_eq!(
            parsed.id().get(),
            interaction["id"].as_str().unwrap().parse::<u64>().unwrap()
        );
    }
}

async fn run_until_refused(fake: &FakeDiscord, token: &str) -> String {
    let (engine, adapter, _dir) = harness::adapter_for(fake, token).await;
    let (_stop, stopped) = tokio::sync::watch::channel(false);
    let ended = tokio::time::timeout(
        Duration::from_secs(20),
        adapter.run(engine.clone(), stopped),
    )
    .await
    .expect("a refusal ends the adapter");
    engine.shutdown().await;
    ended.unwrap_err().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_refused_token_stops_the_adapter_and_says_how_to_fix_it() {
    let fake = FakeDiscord::start().await;
    let reason = run_until_refused(&fake, "a-revoked-token").await;
    assert!(reason.contains("Reset Token"), "{reason}");
    assert!(
        !reason.contains("a-revoked-token"),
        "never the token itself"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discord_privileged_intents_not_enabled_says_which_to_turn_on() {
    let fake = FakeDiscord::start().await;
    fake.refuse_privileged_intents();
    let reason = run_until_refused(&fake, "discord-test-token").await;
    assert!(
        reason.contains("Server Members Intent") && reason.contains("Message Content Intent"),
        "{reason}"
    );
}
