//! Drop commands for operators: scheduling (`/drop WHEN ...`) and `/drop list|show|cancel`;
//! `/drop status|stats` are in `status.rs`, what members see in `member_view.rs`.

use chrono::{DateTime, NaiveTime, Utc};

use super::drop_content::{DropContent, drop_content};
use super::labels::{rule_text, target_label};
use crate::commands::CommandContext;
use crate::core::drops::delivery::DeliveryState;
use crate::core::drops::grammar::{DropCommand, DropRequest};
use crate::core::drops::schedule::{Rule, next_occurrence};
use crate::core::ids::{ChatRef, Platform};
use crate::core::media::cleaned;
use crate::core::tiers::TierDef;
use crate::i18n::{Lang, datetime};
use crate::membership::words::{and_list, list, platform as platform_name};
use crate::store::media_files::MediaFiles;
use crate::store::{DropRow, NewDrop, WriteTx};
use crate::{EngineError, EngineResult, refuse};
use crate::{Kernel, Memberships};
use crate::{msg, tr};
use std::sync::Arc;

/// Drops: scheduling, delivery to every target, `/drops`, `/rate`, feedback.
pub struct Drops {
    pub(super) kernel: Arc<Kernel>,
    pub(super) membership: Arc<Memberships>,
    /// The media folder the files drops carry are kept in.
    pub(super) files: MediaFiles,
    /// Held while a file is stored or the folder pruned, so a file is never removed between
    /// a new drop finding it there and recording that it needs it.
    pub(super) files_lock: tokio::sync::Mutex<()>,
    /// The hourly sweep of half-written files from the media folder.
    pub(super) partials_swept: crate::cadence::Cadence,
}

impl Drops {
    pub(crate) fn new(kernel: Arc<Kernel>, membership: Arc<Memberships>) -> Self {
        let config = &kernel.config;
        let files = MediaFiles::new(config.media.dir_for(&config.database_path));
        Self {
            kernel,
            membership,
            files,
            files_lock: tokio::sync::Mutex::new(()),
            partials_swept: crate::cadence::Cadence::default(),
        }
    }
}

/// A drop request pinned to the calendar and its targets, ready to store.
pub(super) struct PlannedDrop<'a> {
    tier: Option<&'a TierDef>,
    pub(super) targets: Vec<String>,
    where_to: String,
    first: DateTime<Utc>,
    time_of_day: Option<NaiveTime>,
}

/// The target word for "a DM to each member of the tier".
pub(crate) const DM_TARGET: &str = "dm";

/// The stored key of a chat target.
pub(crate) fn chat_key(chat: &ChatRef) -> String {
    format!("{}:{}", chat.platform, chat.chat_id)
}

impl Drops {
    pub(crate) async fn drop_command(
        &self,
        ctx: &CommandContext,
        command: DropCommand,
    ) -> EngineResult<String> {
        match command {
            DropCommand::Create(request) => self.schedule_drop(ctx, request).await,
            DropCommand::List => self.list_drops(ctx.lang).await,
            DropCommand::Show(id) => self.show_drop(ctx.lang, id).await,
            DropCommand::Cancel(id) => self.cancel_drop(ctx, id).await,
            DropCommand::Status(id) => self.drop_status(ctx.lang, id).await,
            DropCommand::Stats(id) => self.drop_stats(ctx.lang, id).await,
            DropCommand::Tags(id, tags) => self.set_drop_tags(ctx.lang, id, &tags).await,
        }
    }

    /// Chat keys for `to` names (or the tier's gated channels, or DMs).
    fn drop_targets(
        &self,
        ctx: &CommandContext,
        names: &[String],
        tier: Option<&TierDef>,
    ) -> EngineResult<(Vec<String>, String)> {
        let lang = ctx.lang;
        let channels = &self.kernel.config.membership.channels;
        if let Some(tier) = tier {
            if let Some(outside) = names.iter().find(|n| !tier.gated_channels.contains(n)) {
                let gated = if tier.gated_channels.is_empty() {
                    tr!(lang, "drop-no-gated-channels")
                } else {
                    list(lang, &tier.gated_channels)
                };
                return refuse(msg!(
                    "drop-tier-outside",
                    tier = &tier.name,
                    channels = gated,
                    channel = outside
                ));
            }
            if names.is_empty() && tier.gated_channels.is_empty() {
                return Ok((
                    vec![DM_TARGET.to_owned()],
                    tr!(lang, "drop-where-dm", tier = &tier.name),
                ));
            }
        }
        let names: Vec<String> = match (names.is_empty(), tier) {
            (true, Some(tier)) => tier.gated_channels.clone(),
            (true, None) => return Ok((vec![chat_key(&ctx.chat)], tr!(lang, "drop-where-here"))),
            (false, _) => {
                let mut unique: Vec<String> = Vec::new();
                for name in names {
                    if !unique.contains(name) {
                        unique.push(name.clone());
                    }
                }
                unique
            }
        };
        let mut keys = Vec::new();
        for name in &names {
            let Some(chats) = channels.get(name) else {
                let known: Vec<&str> = channels.keys().map(String::as_str).collect();
                let known = if known.is_empty() {
                    tr!(lang, "drop-no-channels")
                } else {
                    list(lang, &known)
                };
                return refuse(msg!(
                    "drop-unknown-channel",
                    channel = name,
                    channels = known
                ));
            };
            for key in chats.iter().map(chat_key) {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        let where_to = tr!(lang, "drop-where-channels", channels = list(lang, &names));
        Ok((keys, where_to))
    }

    /// Pins a drop request to the calendar and its targets, refusing what config forbids.
    pub(super) fn plan_drop(
        &self,
        ctx: &CommandContext,
        request: &DropRequest,
    ) -> EngineResult<PlannedDrop<'_>> {
        let (lang, tz) = (ctx.lang, self.kernel.config.calendar.tz);
        let tier = request
            .tier
            .as_deref()
            .map(|t| self.membership.tier(lang, t))
            .transpose()?;
        let (targets, where_to) = self.drop_targets(ctx, &request.targets, tier)?;
        let when = request
            .when
            .resolve(ctx.at, tz)
            .map_err(EngineError::Refused)?;
        let time_of_day = request
            .every
            .as_ref()
            .map(|_| when.with_timezone(&tz).time());
        let first = match (&request.every, time_of_day) {
            (Some(rule), Some(at)) => next_occurrence(rule, at, when, tz, true)
                .ok_or_else(|| EngineError::Refused(msg!("drop-rule-never-runs")))?,
            _ => when,
        };
        Ok(PlannedDrop {
            tier,
            targets,
            where_to,
            first,
            time_of_day,
        })
    }

    /// Stores a planned drop and its tags in `tx`; its id.
    pub(super) async fn insert_planned(
        &self,
        tx: &mut WriteTx,
        ctx: &CommandContext,
        request: &DropRequest,
        planned: &PlannedDrop<'_>,
        content: DropContent<'_>,
    ) -> EngineResult<i64> {
        let DropContent {
            text,
            source,
            media,
            files_on,
        } = content;
        let id = tx
            .insert_drop(&NewDrop {
                created_by: ctx.member,
                at: ctx.at,
                text,
                source,
                tier: planned.tier.map(|t| t.id.as_str()),
                targets: &planned.targets,
                rule: request.every.as_ref().map(Rule::to_text),
                time_of_day: planned.time_of_day,
                first_at: planned.first,
            })
            .await?;
        tx.set_drop_tags(id, &request.tags).await?;
        tx.add_drop_media(id, files_on.as_str(), &cleaned(media))
            .await?;
        Ok(id)
    }

    async fn schedule_drop(
        &self,
        ctx: &CommandContext,
        request: DropRequest,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let planned = self.plan_drop(ctx, &request)?;
        let mut named = None;
        let content = drop_content(ctx, &request, &mut named)?;
        let copied_from = content
            .source
            .as_ref()
            .and_then(|s| s.platform.parse::<Platform>().ok());
        let has_media = !content.media.is_empty();
        let mut tx = self.kernel.store.begin().await?;
        let id = self
            .insert_planned(&mut tx, ctx, &request, &planned, content)
            .await?;
        tx.commit().await?;
        self.kernel.wake.notify_one();
        let mut reply = self.scheduled_reply(lang, id, &request, &planned);
        if has_media {
            for note in self
                .media_notes(lang, id, copied_from, &planned.targets)
                .await?
            {
                reply.push('\n');
                reply.push_str(&note);
            }
        }
        Ok(reply)
    }

    /// What the operator is told of a drop just scheduled.
    pub(super) fn scheduled_reply(
        &self,
        lang: Lang,
        id: i64,
        request: &DropRequest,
        planned: &PlannedDrop<'_>,
    ) -> String {
        let repeat = match (&request.every, planned.time_of_day) {
            (Some(rule), Some(at)) => {
                tr!(
                    lang,
                    "drop-scheduled-repeat",
                    rule = rule_text(lang, rule, at)
                )
            }
            _ => String::new(),
        };
        let gate = match planned.tier {
            Some(t) if !planned.targets.iter().any(|k| k == DM_TARGET) => {
                tr!(lang, "drop-scheduled-gate", tier = &t.name)
            }
            _ => String::new(),
        };
        let mut reply = tr!(
            lang,
            "drop-scheduled",
            id = id,
            at = datetime(lang, planned.first, self.kernel.config.calendar.tz),
            repeat = repeat,
            where = planned.where_to.as_str(),
            gate = gate,
            waits = self.undriven_note(lang, &planned.targets)
        );
        if !request.tags.is_empty() {
            reply.push('\n');
            reply.push_str(&tr!(lang, "drop-tags-line", tags = request.tags.join(", ")));
        }
        reply
    }

    /// Which platforms of `targets` this process does not drive, as a note on the reply.
    fn undriven_note(&self, lang: Lang, targets: &[String]) -> String {
        let mut undriven: Vec<Platform> = Vec::new();
        for key in targets {
            let Some(Ok(platform)) = key.split_once(':').map(|(p, _)| p.parse::<Platform>()) else {
                continue;
            };
            if !self.kernel.platform.drives(platform) && !undriven.contains(&platform) {
                undriven.push(platform);
            }
        }
        if undriven.is_empty() {
            return String::new();
        }
        let names: Vec<String> = undriven
            .iter()
            .map(|p| platform_name(*p).render(lang))
            .collect();
        tr!(
            lang,
            "drop-scheduled-undriven",
            platforms = and_list(lang, &names),
            count = names.len()
        )
    }

    async fn list_drops(&self, lang: Lang) -> EngineResult<String> {
        let drops = self.kernel.store.upcoming_drops(25).await?;
        if drops.is_empty() {
            return Ok(tr!(lang, "drop-list-empty"));
        }
        let mut lines = vec![tr!(lang, "drops-upcoming")];
        lines.extend(drops.iter().map(|d| self.drop_line(lang, d)));
        Ok(lines.join("\n"))
    }

    pub(super) async fn find_drop(&self, id: i64) -> EngineResult<DropRow> {
        match self.kernel.store.drop_by_id(id).await? {
            Some(drop) => Ok(drop),
            None => refuse(msg!("drop-unknown", id = id)),
        }
    }

    async fn show_drop(&self, lang: Lang, id: i64) -> EngineResult<String> {
        let drop = self.find_drop(id).await?;
        let targets: Vec<String> = drop
            .targets
            .iter()
            .map(|key| target_label(lang, key))
            .collect();
        let mut lines = vec![
            tr!(lang, "drop-preview", line = self.drop_line(lang, &drop)),
            tr!(lang, "drop-preview-targets", targets = list(lang, &targets)),
        ];
        let tags = self.kernel.store.drop_tags(drop.id).await?;
        if !tags.is_empty() {
            lines.push(tr!(lang, "drop-tags-line", tags = tags.join(", ")));
        }
        if let Some(s) = &drop.source {
            lines.push(tr!(
                lang,
                "drop-preview-copy",
                message = &s.message,
                platform = &s.platform,
                chat = &s.chat
            ));
        }
        lines.extend(self.media_lines(lang, drop.id).await?);
        lines.push("---".to_owned());
        lines.push(drop.text);
        Ok(lines.join("\n"))
    }

    async fn set_drop_tags(&self, lang: Lang, id: i64, tags: &[String]) -> EngineResult<String> {
        let drop = self.find_drop(id).await?;
        let mut tx = self.kernel.store.begin().await?;
        tx.set_drop_tags(drop.id, tags).await?;
        tx.commit().await?;
        Ok(if tags.is_empty() {
            tr!(lang, "drop-tags-cleared", id = id)
        } else {
            tr!(lang, "drop-tags-set", id = id, tags = tags.join(", "))
        })
    }

    async fn cancel_drop(&self, ctx: &CommandContext, id: i64) -> EngineResult<String> {
        let lang = ctx.lang;
        let drop = self.find_drop(id).await?;
        if drop.cancelled_at.is_none() && drop.next_at.is_none() {
            let deliveries = self.kernel.store.deliveries_of(drop.id, 1000).await?;
            if !deliveries.iter().any(|d| d.state == DeliveryState::Pending) {
                return refuse(msg!("drop-cancel-gone-out", id = id));
            }
        }
        let mut tx = self.kernel.store.begin().await?;
        let Some(gone) = tx.cancel_drop(drop.id, ctx.at).await? else {
            return refuse(msg!("drop-cancel-again", id = id));
        };
        tx.commit().await?;
        self.kernel.wake.notify_one();
        Ok(if gone == 0 {
            tr!(lang, "drop-cancelled-unsent", id = id)
        } else {
            tr!(lang, "drop-cancelled", id = id, gone = gone)
        })
    }
}
