//! `/ask TITLE [bounty N]` (or `/ask` replying to the message that asks): the title read, the
//! day's limit and the bounty's balance checked, the question opened where its answers will
//! arrive (a Discord thread, a post in a Telegram topic, or the `/ask` message itself), then
//! the question, its place and the bounty's hold written in one scoring transaction.

use super::Questions;
use crate::commands::CommandContext;
use crate::core::ids::{ChatRef, Platform};
use crate::core::questions::{asked, tier_of_chat};
use crate::platform::MessageRef;
use crate::ranking::Grant;
use crate::store::{LedgerKind, NewQuestion};
use crate::{EngineResult, OpenedQuestion, QuestionPlace, QuestionPost, msg, refuse, tr};

/// Where the answers to a question asked by `ctx` arrive.
enum Anchor {
    /// The `/ask` message itself: answers reply to it.
    AskMessage(String),
    /// A place the platform opens.
    Opened(QuestionPlace),
}

impl Questions {
    pub(crate) async fn ask(
        &self,
        ctx: &CommandContext,
        title: &str,
        bounty: i64,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let typed = if title.is_empty() {
            ctx.quoted.as_ref().map_or("", |q| q.text.as_str())
        } else {
            title
        };
        let question = match asked(typed) {
            Ok(question) => question,
            Err(why) => return refuse(why),
        };
        if let Some(id) = self
            .kernel
            .store
            .question_for_request(&ctx.request_key)
            .await?
        {
            return Ok(tr!(lang, "question-repeated", id = id));
        }
        let anchor = self.anchor(ctx)?;
        self.check_can_ask(ctx, bounty).await?;
        let asked_in = match &anchor {
            Anchor::Opened(QuestionPlace::Message { chat, .. }) => chat,
            Anchor::Opened(QuestionPlace::Thread { channel }) => channel,
            Anchor::AskMessage(_) => &ctx.chat,
        };
        let membership = &self.kernel.config.membership;
        let tier = tier_of_chat(asked_in, &membership.tiers, &membership.channels);
        let opened = match &anchor {
            Anchor::AskMessage(id) => OpenedQuestion::Message(MessageRef {
                chat: ctx.chat.clone(),
                message_id: id.clone(),
            }),
            Anchor::Opened(place) => {
                let post = QuestionPost {
                    place: place.clone(),
                    title: question.title.clone(),
                    text: self.post_text(ctx, place, &question.title, bounty),
                };
                match self
                    .kernel
                    .platform
                    .open_question(ctx.chat.platform, &post)
                    .await
                {
                    Ok(opened) => opened,
                    Err(error) => {
                        tracing::warn!(%error, "a question could not be opened");
                        return refuse(msg!("question-not-opened", why = error.why()));
                    }
                }
            }
        };
        let mut scoring = self.ranking.begin_scoring(ctx.at).await?;
        // Checked again inside the transaction: a concurrent `/redeem` or `/ask` may have
        // spent the points meanwhile.
        let balance = scoring.tx.member(ctx.member).await?.balance;
        if balance < bounty {
            return refuse(msg!(
                "question-bounty-too-poor",
                bounty = bounty,
                balance = balance
            ));
        }
        let (id, _) = scoring
            .tx
            .ask_question(NewQuestion {
                asker: ctx.member,
                title: &question.title,
                tags: &question.tags,
                tier: tier.as_deref(),
                chat: &ctx.chat,
                bounty,
                at: ctx.at,
                request_key: &ctx.request_key,
            })
            .await?;
        let (place, message_id, thread) = match &opened {
            OpenedQuestion::Message(message) => (&message.chat, message.message_id.as_str(), false),
            OpenedQuestion::Thread(thread) => (thread, "", true),
        };
        scoring.tx.add_question_place(id, place, message_id).await?;
        // A question posted as a message elsewhere (a Telegram topic) can be answered by
        // replying to the group's `/ask` too. A Discord slash command is no message to reply to.
        let own = match (&anchor, &ctx.message_id) {
            (Anchor::Opened(QuestionPlace::Message { .. }), Some(own)) if !ctx.chat.private => {
                scoring.tx.add_question_place(id, &ctx.chat, own).await?;
                true
            }
            _ => false,
        };
        if bounty > 0 {
            let hold = Grant {
                xp: 0,
                balance: -bounty,
                ..Grant::own(ctx, LedgerKind::Bounty, 0, id.to_string())
            };
            scoring.award_one(ctx, hold).await?;
        } else {
            scoring.tx.commit().await?;
        }
        self.remember_place(place, thread);
        if own {
            self.remember_place(&ctx.chat, false);
        }
        self.kernel.wake.notify_one();
        let mut lines = vec![match (&anchor, thread) {
            (Anchor::AskMessage(_), _) => tr!(lang, "question-asked-here", id = id),
            (_, true) => tr!(lang, "question-asked-thread", id = id),
            (_, false) => tr!(lang, "question-asked-posted", id = id),
        }];
        if bounty > 0 {
            lines.push(tr!(
                lang,
                "question-bounty-held",
                bounty = bounty,
                days = self.kernel.config.questions.bounty_days
            ));
        }
        if !question.tags.is_empty() {
            lines.push(tr!(lang, "question-tags", tags = question.tags.join(", ")));
        }
        Ok(lines.join("\n"))
    }

    /// Where the answers will arrive: a place the config names, or the `/ask` message in a
    /// community chat.
    fn anchor(&self, ctx: &CommandContext) -> EngineResult<Anchor> {
        let rules = &self.kernel.config.questions;
        let in_group = !ctx.chat.private;
        let own_message = || match (&ctx.message_id, in_group) {
            (Some(id), true) => Ok(Anchor::AskMessage(id.clone())),
            _ => refuse(msg!("question-ask-in-group")),
        };
        match ctx.chat.platform {
            Platform::Discord => {
                let channel = match &rules.discord_channel {
                    Some(id) => ChatRef {
                        platform: Platform::Discord,
                        chat_id: id.clone(),
                        server: ctx.chat.server.clone(),
                        private: false,
                    },
                    None if in_group => ctx.chat.clone(),
                    None => return refuse(msg!("question-ask-in-group")),
                };
                Ok(Anchor::Opened(QuestionPlace::Thread { channel }))
            }
            Platform::Telegram => {
                let first = self.kernel.config.telegram.chats.first();
                match (rules.telegram_topic, first) {
                    (Some(topic), Some(chat)) => Ok(Anchor::Opened(QuestionPlace::Message {
                        chat: ChatRef::group(Platform::Telegram, chat.to_string()),
                        topic: Some(topic),
                    })),
                    (None, Some(chat)) if !in_group => Ok(Anchor::Opened(QuestionPlace::Message {
                        chat: ChatRef::group(Platform::Telegram, chat.to_string()),
                        topic: None,
                    })),
                    _ => own_message(),
                }
            }
            Platform::Console => own_message(),
        }
    }

    /// The asker may ask now: within the day's limit, and with the bounty's points.
    async fn check_can_ask(&self, ctx: &CommandContext, bounty: i64) -> EngineResult<()> {
        let rules = &self.kernel.config.questions;
        let calendar = &self.kernel.config.calendar;
        let today = calendar.start_of_day(calendar.day(ctx.at));
        // Reads, not a write transaction: the scoring transaction checks the balance again.
        let store = &self.kernel.store;
        if store.questions_asked_since(ctx.member, today).await? >= i64::from(rules.per_day) {
            return refuse(msg!("question-limit", max = rules.per_day));
        }
        let balance = store.member(ctx.member).await?.balance;
        if balance < bounty {
            return refuse(msg!(
                "question-bounty-too-poor",
                bounty = bounty,
                balance = balance
            ));
        }
        Ok(())
    }

    /// The question as posted for everyone, in the community's language.
    fn post_text(
        &self,
        ctx: &CommandContext,
        place: &QuestionPlace,
        title: &str,
        bounty: i64,
    ) -> String {
        let lang = self.kernel.community_language();
        let asker = &ctx.sender.person.profile.display_name;
        let how = match place {
            QuestionPlace::Message { .. } => tr!(lang, "question-post-reply"),
            QuestionPlace::Thread { .. } => tr!(lang, "question-post-thread"),
        };
        let asked = if bounty > 0 {
            tr!(
                lang,
                "question-post-bounty",
                asker = asker,
                title = title,
                bounty = bounty
            )
        } else {
            tr!(lang, "question-post", asker = asker, title = title)
        };
        format!("{asked}\n{how}")
    }
}
