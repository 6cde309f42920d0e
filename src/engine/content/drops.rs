//! Drop commands: scheduling (`/drop WHEN ...`), `/drop list|show|cancel|status|stats`,
//! `/drops` for members, and `/rate`.

use crate::core::drops::delivery::DeliveryState;
use crate::core::drops::grammar::{DropCommand, DropRequest};
use crate::core::drops::schedule::{Rule, next_occurrence};
use crate::core::ids::{ChatRef, MemberId, Platform};
use crate::core::tiers::TierDef;
use crate::engine::commands::CommandContext;
use crate::engine::{Engine, EngineError, EngineResult, format, refuse};
use crate::store::{DropRow, NewDrop, SourceMessage};

/// A stored target key in words: `#general on the console`, `Discord channel 1200`.
fn target_label(key: &str) -> String {
    if key == DM_TARGET {
        return "a DM to each member of the tier".into();
    }
    match key.split_once(':') {
        Some(("console", chat)) => format!("#{chat} on the console"),
        Some(("discord", chat)) => format!("Discord channel {chat}"),
        Some(("telegram", chat)) => format!("Telegram chat {chat}"),
        _ => key.to_owned(),
    }
}

/// Who asks to see a drop; see [`Engine::sight`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Viewer {
    Operator,
    Member(MemberId),
    /// An account never seen: no tier.
    Unknown,
}

/// The target word for "a DM to each member of the tier".
pub(crate) const DM_TARGET: &str = "dm";

/// The stored key of a chat target.
pub(crate) fn chat_key(chat: &ChatRef) -> String {
    format!("{}:{}", chat.platform, chat.chat_id)
}

impl Engine {
    pub(crate) async fn drop_command(
        &self,
        ctx: &CommandContext,
        command: DropCommand,
    ) -> EngineResult<String> {
        match command {
            DropCommand::Create(request) => self.schedule_drop(ctx, request).await,
            DropCommand::List => self.list_drops().await,
            DropCommand::Show(id) => self.show_drop(id).await,
            DropCommand::Cancel(id) => self.cancel_drop(ctx, id).await,
            DropCommand::Status(id) => self.drop_status(id).await,
            DropCommand::Stats(id) => self.drop_stats(id).await,
        }
    }

    /// Chat keys for `to` names (or the tier's gated channels, or DMs).
    fn drop_targets(
        &self,
        ctx: &CommandContext,
        names: &[String],
        tier: Option<&TierDef>,
    ) -> EngineResult<(Vec<String>, String)> {
        let channels = &self.config.membership.channels;
        if let Some(tier) = tier {
            if let Some(outside) = names.iter().find(|n| !tier.gated_channels.contains(n)) {
                return refuse(format!(
                    "Tier drops go to {}'s gated channels ({}) or by DM; `{outside}` is not one of them.",
                    tier.name,
                    if tier.gated_channels.is_empty() {
                        "none configured".to_owned()
                    } else {
                        tier.gated_channels.join(", ")
                    }
                ));
            }
            if names.is_empty() && tier.gated_channels.is_empty() {
                return Ok((
                    vec![DM_TARGET.to_owned()],
                    format!("by DM to {} members and above", tier.name),
                ));
            }
        }
        let names: Vec<String> = match (names.is_empty(), tier) {
            (true, Some(tier)) => tier.gated_channels.clone(),
            (true, None) => return Ok((vec![chat_key(&ctx.chat)], "here".into())),
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
                return refuse(format!(
                    "There is no channel `{name}`. Channels: {}.",
                    if known.is_empty() {
                        "none configured ([channels.NAME] in steward.toml)".to_owned()
                    } else {
                        known.join(", ")
                    }
                ));
            };
            for key in chats.iter().map(chat_key) {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        Ok((keys, format!("to {}", names.join(", "))))
    }

    async fn schedule_drop(
        &self,
        ctx: &CommandContext,
        request: DropRequest,
    ) -> EngineResult<String> {
        let tz = self.config.calendar.tz;
        let tier = request.tier.as_deref().map(|t| self.tier(t)).transpose()?;
        let (targets, where_to) = self.drop_targets(ctx, &request.targets, tier)?;
        let when = request
            .when
            .resolve(ctx.at, tz)
            .map_err(|e| EngineError::Refused(e.render(ctx.lang)))?;
        let time_of_day = request
            .every
            .as_ref()
            .map(|_| when.with_timezone(&tz).time());
        let first = match (&request.every, time_of_day) {
            (Some(rule), Some(at)) => next_occurrence(rule, at, when, tz, true)
                .ok_or_else(|| EngineError::Refused("That rule never runs.".into()))?,
            _ => when,
        };
        let (text, source) = match (&request.text, &ctx.quoted) {
            (text, Some(quoted)) if text.is_empty() => (
                quoted.text.clone(),
                Some(SourceMessage {
                    platform: quoted.chat.platform.to_string(),
                    chat: quoted.chat.chat_id.clone(),
                    message: quoted.message_id.clone(),
                }),
            ),
            (text, _) if text.is_empty() => {
                return refuse("Give the text to post, or reply to the message to schedule.");
            }
            (text, _) => (text.clone(), None),
        };
        let mut tx = self.store.begin().await?;
        let id = tx
            .insert_drop(&NewDrop {
                created_by: ctx.member,
                at: ctx.at,
                text: &text,
                source,
                tier: tier.map(|t| t.id.as_str()),
                targets: &targets,
                rule: request.every.as_ref().map(Rule::to_text),
                time_of_day,
                first_at: first,
            })
            .await?;
        tx.commit().await?;
        self.wake.notify_one();
        let repeat = match (&request.every, time_of_day) {
            (Some(rule), Some(at)) => format!(", then {}", rule.describe(at).render(ctx.lang)),
            _ => String::new(),
        };
        let gate = match tier {
            Some(t) if !targets.iter().any(|k| k == DM_TARGET) => {
                format!(", {} members and above only", t.name)
            }
            _ => String::new(),
        };
        let mut undriven: Vec<&str> = Vec::new();
        for key in &targets {
            let Some(Ok(platform)) = key.split_once(':').map(|(p, _)| p.parse::<Platform>()) else {
                continue;
            };
            if !self.platform.drives(platform) && !undriven.contains(&platform.title()) {
                undriven.push(platform.title());
            }
        }
        let waits = if undriven.is_empty() {
            String::new()
        } else {
            format!(
                " Its {} posts wait for `steward run`: this process does not drive {}.",
                undriven.join(" and "),
                if undriven.len() == 1 { "it" } else { "them" }
            )
        };
        Ok(format!(
            "Scheduled drop #{id} for {}{repeat}, {where_to}{gate}. Preview: /drop show {id}. Cancel: /drop cancel {id}.{waits}",
            format::local(first, tz)
        ))
    }

    async fn list_drops(&self) -> EngineResult<String> {
        let drops = self.store.upcoming_drops(25).await?;
        if drops.is_empty() {
            return Ok("No drops are scheduled. Schedule one with /drop WHEN TEXT.".into());
        }
        let mut lines = vec!["Upcoming drops:".to_owned()];
        lines.extend(drops.iter().map(|d| self.drop_line(d)));
        Ok(lines.join("\n"))
    }

    /// `#12 2026-12-01 09:00 (Europe/Berlin), every mon: New lesson...`
    pub(super) fn drop_line(&self, drop: &DropRow) -> String {
        let next = drop.next_at.map_or("done".into(), |at| {
            format::local(at, self.config.calendar.tz)
        });
        let repeat = drop
            .rule
            .as_deref()
            .map(|r| format!(", every {}", r.trim_start_matches("cron:")))
            .unwrap_or_default();
        let gate = drop
            .tier
            .as_deref()
            .map(|t| format!(" [{t}]"))
            .unwrap_or_default();
        let first_line: String = drop
            .text
            .lines()
            .next()
            .unwrap_or_default()
            .chars()
            .take(60)
            .collect();
        format!("#{} {next}{repeat}{gate}: {first_line}", drop.id)
    }

    pub(super) async fn find_drop(&self, id: i64) -> EngineResult<DropRow> {
        match self.store.drop_by_id(id).await? {
            Some(drop) => Ok(drop),
            None => refuse(format!(
                "There is no drop #{id}. /drop list shows the scheduled ones."
            )),
        }
    }

    async fn show_drop(&self, id: i64) -> EngineResult<String> {
        let drop = self.find_drop(id).await?;
        let copy = drop.source.as_ref().map(|s| format!("\n(A copy of message {} in {}:{}, with its formatting and media where the platform allows.)", s.message, s.platform, s.chat)).unwrap_or_default();
        Ok(format!(
            "Preview of {}\nTargets: {}{copy}\n---\n{}",
            self.drop_line(&drop),
            drop.targets
                .iter()
                .map(|key| target_label(key))
                .collect::<Vec<_>>()
                .join(", "),
            drop.text
        ))
    }

    async fn cancel_drop(&self, ctx: &CommandContext, id: i64) -> EngineResult<String> {
        let drop = self.find_drop(id).await?;
        if drop.cancelled_at.is_none() && drop.next_at.is_none() {
            let deliveries = self.store.deliveries_of(drop.id, 1000).await?;
            if !deliveries.iter().any(|d| d.state == DeliveryState::Pending) {
                return refuse(format!(
                    "Drop #{id} has already gone out in full; there is nothing left to cancel. /drop status {id} shows where it went."
                ));
            }
        }
        let mut tx = self.store.begin().await?;
        let Some(gone) = tx.cancel_drop(drop.id, ctx.at).await? else {
            return refuse(format!("Drop #{id} was already cancelled."));
        };
        tx.commit().await?;
        self.wake.notify_one();
        Ok(if gone == 0 {
            format!("Cancelled drop #{id}; nothing of it was posted.")
        } else {
            format!(
                "Cancelled drop #{id}: no further posts. {gone} {} had already gone out or {} under way.",
                if gone == 1 { "delivery" } else { "deliveries" },
                if gone == 1 { "was" } else { "were" }
            )
        })
    }

    async fn drop_status(&self, id: i64) -> EngineResult<String> {
        let drop = self.find_drop(id).await?;
        let deliveries = self.store.deliveries_of(drop.id, 30).await?;
        let mut lines = vec![self.drop_line(&drop)];
        if deliveries.is_empty() {
            lines.push(if drop.next_at.is_some() {
                "Nothing delivered yet: every target is pending until the first occurrence.".into()
            } else {
                // A tier drop by DM that fell due when the tier had no members.
                "It fell due with no one to reach (no member of its tier then), so nothing went out."
                    .into()
            });
        }
        let tz = self.config.calendar.tz;
        for d in deliveries {
            let detail = match (&d.last_error, d.state.as_str()) {
                (Some(error), "pending") => format!(
                    "pending (retry {} at {}; last error: {error})",
                    d.attempts + 1,
                    format::local(d.next_attempt_at, tz)
                ),
                (Some(error), state) => {
                    format!("{state} ({error}, after {} attempt(s))", d.attempts)
                }
                (None, state) => state.to_owned(),
            };
            lines.push(format!(
                "{} {}: {detail}",
                d.occurrence_at.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
                d.target
            ));
        }
        Ok(lines.join("\n"))
    }

    async fn drop_stats(&self, id: i64) -> EngineResult<String> {
        let drop = self.find_drop(id).await?;
        let counts = self.store.ratings(drop.id).await?;
        let total: u64 = counts.iter().sum();
        if total == 0 {
            return Ok(format!("Drop #{id} has no ratings yet."));
        }
        let sum: u64 = counts
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u64 + 1) * n)
            .sum();
        let spread: Vec<String> = (0..5)
            .rev()
            .map(|i| {
                let stars = i + 1;
                format!(
                    "{stars} {}: {}",
                    if stars == 1 { "star" } else { "stars" },
                    counts[i]
                )
            })
            .collect();
        Ok(format!(
            "Drop #{id}: {total} {}, average {:.1} of 5 ({}).",
            if total == 1 { "rating" } else { "ratings" },
            sum as f64 / total as f64,
            spread.join(", ")
        ))
    }
}
