//! A question's own thread: a post in a forum channel, or a public thread in a text channel
//! with the question as its first message. Discord documents both as `POST
//! /channels/{id}/threads` ("Start Thread in Forum or Media Channel", which carries the first
//! message; "Start Thread without Message", whose `type` must say public), with names of at
//! most 100 characters.

use serenity::builder::{CreateForumPost, CreateThread};
use serenity::model::channel::{Channel, ChannelType};
use serenity::model::id::ChannelId;

use super::{DiscordPlatform, platform_error, snowflake};
use crate::core::ids::{ChatRef, Platform};
use crate::engine::{OpenedQuestion, PlatformError, QuestionPlace, QuestionPost};
use crate::msg;

/// Discord's limit on a thread's name.
const MAX_THREAD_NAME: usize = 100;

impl DiscordPlatform {
    pub(super) async fn open_thread(
        &self,
        post: &QuestionPost,
    ) -> Result<OpenedQuestion, PlatformError> {
        let QuestionPlace::Thread { channel } = &post.place else {
            return Err(PlatformError::Refused(msg!("questions-not-on-platform")));
        };
        let parent = ChannelId::new(snowflake(&channel.chat_id, "channel")?);
        let name: String = post.title.chars().take(MAX_THREAD_NAME).collect();
        self.pacer.slot().await;
        let forum = matches!(
            parent.to_channel(&self.http).await.map_err(platform_error)?,
            Channel::Guild(ref c) if c.kind == ChannelType::Forum
        );
        self.pacer.slot().await;
        let thread = if forum {
            let first = Self::message(&post.text);
            parent
                .create_forum_post(&self.http, CreateForumPost::new(name, first))
                .await
                .map_err(platform_error)?
        } else {
            let start = CreateThread::new(name).kind(ChannelType::PublicThread);
            let thread = parent
                .create_thread(&self.http, start)
                .await
                .map_err(platform_error)?;
            self.send(thread.id, Self::message(&post.text)).await?;
            thread
        };
        Ok(OpenedQuestion::Thread(ChatRef {
            platform: Platform::Discord,
            chat_id: thread.id.to_string(),
            server: Some(thread.guild_id.to_string()),
            private: false,
        }))
    }
}
