//! Discord's JSON shapes, complete enough for serenity's strict models: users, members,
//! messages, READY, GUILD_CREATE and interactions.

use serde_json::{Value, json};

pub const APP_ID: u64 = 7000;
pub const BOT_ID: u64 = 7000;
pub const GUILD: u64 = 1000;
pub const GENERAL: u64 = 1100;
pub const ANNOUNCEMENTS: u64 = 1200;
pub const PRO_ROLE: u64 = 1300;
/// A forum channel (type 15): questions open posts in it.
pub const FORUM: u64 = 1400;
pub const TIMESTAMP: &str = "2026-11-25T09:00:00.000000+00:00";

/// Administrator | Manage Server.
pub const ADMIN_PERMISSIONS: &str = "40";
/// View channel, send messages, read history.
pub const MEMBER_PERMISSIONS: &str = "68608";

pub fn user(id: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(), "username": name.to_lowercase(), "discriminator": "0",
        "global_name": name, "avatar": null, "bot": false, "public_flags": 0
    })
}

pub fn bot_user() -> Value {
    let mut bot = user(BOT_ID, "Steward");
    bot["bot"] = json!(true);
    bot
}

pub fn member(user: &Value, permissions: &str) -> Value {
    json!({
        "user": user, "nick": null, "avatar": null, "roles": [], "joined_at": TIMESTAMP,
        "deaf": false, "mute": false, "flags": 0, "pending": false, "permissions": permissions
    })
}

pub fn message(id: u64, channel: u64, author: &Value, content: &str) -> Value {
    json!({
        "id": id.to_string(), "channel_id": channel.to_string(), "guild_id": GUILD.to_string(),
        "author": author, "member": {"roles": [], "joined_at": TIMESTAMP, "deaf": false,
            "mute": false, "flags": 0},
        "content": content, "timestamp": TIMESTAMP, "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": false, "type": 0, "flags": 0, "components": []
    })
}

pub fn ready(session: &str, resume_url: &str) -> Value {
    json!({
        "v": 10, "user": bot_user(), "guilds": [{"id": GUILD.to_string(), "unavailable": true}],
        "session_id": session, "resume_gateway_url": resume_url, "shard": [0, 1],
        "application": {"id": APP_ID.to_string(), "flags": 0}
    })
}

/// A guild channel as Discord describes it: text (type 0) unless it is [`FORUM`] (type 15).
pub fn channel(id: u64, name: &str, position: u64) -> Value {
    let kind = if id == FORUM { 15 } else { 0 };
    json!({
        "id": id.to_string(), "type": kind, "guild_id": GUILD.to_string(), "name": name,
        "position": position, "permission_overwrites": [], "nsfw": false, "topic": null,
        "last_message_id": null, "parent_id": null, "rate_limit_per_user": 0
    })
}

fn role(id: u64, name: &str, position: u64, permissions: &str) -> Value {
    json!({
        "id": id.to_string(), "name": name, "color": 0, "hoist": false, "icon": null,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "unicode_emoji": null, "position": position, "permissions": permissions,
        "managed": false, "mentionable": false, "flags": 0
    })
}

pub fn guild(members: &[Value]) -> Value {
    json!({
        "id": GUILD.to_string(), "name": "Test Guild", "icon": null, "icon_hash": null,
        "splash": null, "discovery_splash": null, "owner_id": "1", "afk_channel_id": null,
        "afk_timeout": 300, "widget_enabled": false, "widget_channel_id": null,
        "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": [role(GUILD, "@everyone", 0, MEMBER_PERMISSIONS),
                  role(PRO_ROLE, "Pro", 1, "0"),
                  role(1400, "Steward", 2, "268435456")],
        "emojis": [], "features": [], "mfa_level": 0, "application_id": null,
        "system_channel_id": null, "system_channel_flags": 0, "rules_channel_id": null,
        "max_presences": null, "max_members": 500000, "vanity_url_code": null,
        "description": null, "banner": null, "premium_tier": 0,
        "premium_subscription_count": 0, "preferred_locale": "en-US",
        "public_updates_channel_id": null, "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50, "nsfw_level": 0, "stickers": [],
        "premium_progress_bar_enabled": false, "safety_alerts_channel_id": null,
        "joined_at": TIMESTAMP, "large": false, "unavailable": false,
        "member_count": members.len(), "voice_states": [], "members": members,
        "channels": [channel(GENERAL, "general", 0), channel(ANNOUNCEMENTS, "announcements", 1),
            channel(FORUM, "questions", 2)],
        "threads": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
        "incidents_data": null
    })
}

fn interaction(id: u64, kind: u8, caller: &Value, permissions: &str, data: Value) -> Value {
    json!({
        "id": id.to_string(), "application_id": APP_ID.to_string(), "type": kind,
        "data": data, "guild_id": GUILD.to_string(), "channel_id": GENERAL.to_string(),
        "member": member(caller, permissions), "token": format!("token-{id}"), "version": 1,
        "app_permissions": "2248473465835073", "locale": "en-US", "guild_locale": "en-US",
        "entitlements": [], "authorizing_integration_owners": {"0": GUILD.to_string()},
        "context": 0, "attachment_size_limit": 10485760
    })
}

/// A public thread (type 11) in `parent`, made by the bot, as "Start Thread" answers.
pub fn thread(id: u64, parent: &str, name: &str) -> Value {
    json!({
        "id": id.to_string(), "type": 11, "guild_id": GUILD.to_string(), "name": name,
        "parent_id": parent, "owner_id": BOT_ID.to_string(), "last_message_id": null,
        "rate_limit_per_user": 0, "message_count": 0, "member_count": 1, "flags": 0,
        "total_message_sent": 0,
        "thread_metadata": {"archived": false, "auto_archive_duration": 4320,
            "archive_timestamp": TIMESTAMP, "locked": false}
    })
}

/// A slash command: `options` as Discord sends them, `users` resolved for user options.
pub fn slash(
    id: u64,
    caller: &Value,
    permissions: &str,
    name: &str,
    options: Value,
    users: &[&Value],
) -> Value {
    let mut resolved = serde_json::Map::new();
    for user in users {
        resolved.insert(
            user["id"].as_str().unwrap_or_default().to_owned(),
            (*user).clone(),
        );
    }
    let data = json!({
        "id": "1", "name": name, "type": 1, "options": options,
        "resolved": {"users": resolved}
    });
    interaction(id, 2, caller, permissions, data)
}

/// A press on a message's button.
pub fn button(id: u64, caller: &Value, custom_id: &str, on: &Value) -> Value {
    let mut press = interaction(
        id,
        3,
        caller,
        MEMBER_PERMISSIONS,
        json!({"custom_id": custom_id, "component_type": 2}),
    );
    press["message"] = on.clone();
    press
}

/// "Schedule as drop" used on `target`.
pub fn message_command(id: u64, caller: &Value, target: &Value) -> Value {
    let target_id = target["id"].as_str().unwrap_or_default().to_owned();
    let data = json!({
        "id": "2", "name": "Schedule as drop", "type": 3, "target_id": target_id,
        "resolved": {"messages": {target_id.clone(): target}}
    });
    interaction(id, 2, caller, MEMBER_PERMISSIONS, data)
}

/// The submitted form `custom_id` with its text fields.
pub fn modal_submit(id: u64, caller: &Value, custom_id: &str, fields: &[(&str, &str)]) -> Value {
    let rows: Vec<Value> = fields
        .iter()
        .map(|(name, value)| {
            json!({"type": 1, "components": [{"type": 4, "custom_id": name, "value": value}]})
        })
        .collect();
    let data = json!({"custom_id": custom_id, "components": rows});
    interaction(id, 5, caller, MEMBER_PERMISSIONS, data)
}

/// Autocomplete while typing `option` of `name` (a subcommand's when `sub` is given).
pub fn autocomplete(
    id: u64,
    caller: &Value,
    name: &str,
    sub: Option<&str>,
    option: (&str, u8, &str),
) -> Value {
    let focused = json!({"name": option.0, "type": option.1, "value": option.2, "focused": true});
    let options = match sub {
        Some(sub) => json!([{"name": sub, "type": 1, "options": [focused]}]),
        None => json!([focused]),
    };
    let data = json!({"id": "1", "name": name, "type": 1, "options": options});
    interaction(id, 4, caller, MEMBER_PERMISSIONS, data)
}
