//! Turning due drop occurrences into deliveries, and delivering them: claim, send, record.
//! An occurrence found later than `drops.catch_up` is recorded as missed and reported instead.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::drops::DM_TARGET;
use crate::core::drops::delivery::{DeliveryState, MAX_ATTEMPTS, backoff, is_missed};
use crate::core::drops::schedule::{Rule, next_occurrence};
use crate::core::ids::{ChatRef, MemberId, Platform};
use crate::core::tiers;
use crate::engine::platform::{DropTarget, MessageRef, OutboundDrop, PlatformError};
use crate::engine::{Engine, EngineResult, format};
use crate::store::{AttemptResult, DeliveryRow, DropRow};

/// What one pass of delivering did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryCounts {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

impl Engine {
    /// Expands every due occurrence into delivery rows and moves each drop to its next run.
    /// Returns (occurrences expanded, occurrences missed).
    pub(crate) async fn expand_due_drops(
        &self,
        now: DateTime<Utc>,
    ) -> EngineResult<(usize, usize)> {
        let (mut expanded, mut missed) = (0, 0);
        // Each round expands one occurrence per due drop; a drop far behind needs several.
        for _ in 0..100 {
            let due = self.store.due_drops(now, 1000).await?;
            if due.is_empty() {
                break;
            }
            for seen in due {
                let Some(occurrence) = seen.next_at else {
                    continue;
                };
                let mut tx = self.store.begin().await?;
                let Some(drop) = tx.drop_by_id(seen.id).await? else {
                    continue;
                };
                if drop.cancelled_at.is_some() || drop.next_at != Some(occurrence) {
                    continue; // cancelled or expanded by someone else meanwhile
                }
                let late = is_missed(occurrence, now, self.config.membership.catch_up);
                let targets = self.expand_targets(&drop, occurrence).await?;
                let state = if late {
                    DeliveryState::Missed
                } else {
                    DeliveryState::Pending
                };
                tx.add_deliveries(drop.id, occurrence, &targets, state)
                    .await?;
                tx.set_next_at(drop.id, self.following(&drop, occurrence))
                    .await?;
                tx.commit().await?;
                expanded += 1;
                if late {
                    missed += 1;
                    self.report(&format!(
                        "Drop #{} due at {} was missed: the bot was down longer than drops.catch_up ({}), so it was not posted.",
                        drop.id,
                        format::local(occurrence, self.config.calendar.tz),
                        crate::core::duration::describe(self.config.membership.catch_up)
                    ))
                    .await;
                }
            }
        }
        Ok((expanded, missed))
    }

    /// The occurrence after `occurrence`, for recurring drops.
    fn following(&self, drop: &DropRow, occurrence: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let rule = Rule::parse(drop.rule.as_deref()?).ok()?;
        let at = drop.time_of_day?;
        next_occurrence(&rule, at, occurrence, self.config.calendar.tz, false)
    }

    /// Delivery targets of one occurrence: its chats, or a DM to each member of the tier now.
    async fn expand_targets(&self, drop: &DropRow, at: DateTime<Utc>) -> EngineResult<Vec<String>> {
        if !drop.targets.iter().any(|t| t == DM_TARGET) {
            return Ok(drop.targets.clone());
        }
        let required = drop
            .tier
            .as_deref()
            .and_then(|t| self.tier(t).ok())
            .map_or(0, |t| t.rank);
        let mut by_member: HashMap<MemberId, Vec<tiers::Membership>> = HashMap::new();
        for held in self.store.running_memberships(None).await? {
            by_member
                .entry(held.member)
                .or_default()
                .push(tiers::Membership {
                    tier: held.tier,
                    expires_at: held.expires_at,
                });
        }
        let mut members: Vec<MemberId> = by_member
            .into_iter()
            .filter(|(_, held)| {
                tiers::effective(&self.config.membership.tiers, held, at)
                    .is_some_and(|t| t.rank >= required)
            })
            .map(|(member, _)| member)
            .collect();
        members.sort();
        Ok(members.into_iter().map(|m| format!("dm:{m}")).collect())
    }

    /// The target prefixes this process delivers to: DMs (sent on a driven account) and the
    /// chats of every platform it drives. The rest stay pending for `steward run`.
    pub(crate) fn driven_targets(&self) -> Vec<&'static str> {
        std::iter::once(DM_TARGET)
            .chain(
                Platform::ALL
                    .into_iter()
                    .filter(|p| self.platform.drives(*p))
                    .map(Platform::as_str),
            )
            .collect()
    }

    /// Delivers every pending delivery that is due.
    pub(crate) async fn deliver_due(&self, now: DateTime<Utc>) -> EngineResult<DeliveryCounts> {
        let mut counts = DeliveryCounts::default();
        let mut drops: HashMap<i64, Option<DropRow>> = HashMap::new();
        for _ in 0..1000 {
            let due = self
                .store
                .due_deliveries(now, &self.driven_targets(), 500)
                .await?;
            if due.is_empty() {
                break;
            }
            for delivery in due {
                if !self.store.claim_delivery(delivery.id).await? {
                    continue;
                }
                let drop = match drops.get(&delivery.drop_id) {
                    Some(known) => known.clone(),
                    None => {
                        let loaded = self.store.drop_by_id(delivery.drop_id).await?;
                        drops.insert(delivery.drop_id, loaded.clone());
                        loaded
                    }
                };
                let result = match drop {
                    Some(drop) => self.attempt(&drop, &delivery, now).await?,
                    None => AttemptResult::Failed {
                        attempts: delivery.attempts + 1,
                        error: "the drop is gone".into(),
                    },
                };
                match &result {
                    AttemptResult::Sent { .. } => counts.sent += 1,
                    AttemptResult::Retry { .. } => counts.retried += 1,
                    AttemptResult::Failed { error, .. } => {
                        counts.failed += 1;
                        self.report(&format!(
                            "Drop #{} could not be delivered to {}: {error}. /drop status {} shows every target.",
                            delivery.drop_id, delivery.target, delivery.drop_id
                        ))
                        .await;
                    }
                }
                self.store.finish_delivery(delivery.id, &result).await?;
            }
        }
        Ok(counts)
    }

    /// One platform call for one claimed delivery.
    async fn attempt(
        &self,
        drop: &DropRow,
        delivery: &DeliveryRow,
        now: DateTime<Utc>,
    ) -> EngineResult<AttemptResult> {
        let attempts = delivery.attempts + 1;
        let Some(target) = self.drop_target(&delivery.target).await? else {
            return Ok(AttemptResult::Failed {
                attempts,
                error: "the member has no account to DM".into(),
            });
        };
        let target_platform = match &target {
            DropTarget::Chat(chat) => chat.platform,
            DropTarget::Dm(account) => account.platform,
        };
        if !self.platform.drives(target_platform) {
            // A DM to a member whose only accounts are on platforms this process does not
            // drive: left for a process that does, without spending an attempt.
            return Ok(AttemptResult::Retry {
                attempts: delivery.attempts,
                at: now + Duration::hours(1),
                error: format!(
                    "waits for a Steward process that drives {}",
                    target_platform.title()
                ),
            });
        }
        let copy_of = drop.source.as_ref().and_then(|s| {
            let platform: Platform = s.platform.parse().ok()?;
            (platform == target_platform).then(|| MessageRef {
                chat: ChatRef::group(platform, s.chat.clone()),
                message_id: s.message.clone(),
            })
        });
        let outbound = OutboundDrop {
            drop_id: drop.id,
            text: drop.text.clone(),
            copy_of,
            nonce: format!("steward-d{}", delivery.id),
        };
        Ok(match self.platform.send_drop(&target, &outbound).await {
            Ok(()) => AttemptResult::Sent { at: now },
            Err(e) if attempts >= MAX_ATTEMPTS => AttemptResult::Failed {
                attempts,
                error: e.to_string(),
            },
            Err(e) => {
                let asked = match &e {
                    PlatformError::RateLimited { retry_after_secs } => Some(Duration::seconds(
                        i64::try_from(*retry_after_secs).unwrap_or(i64::MAX / 2_000),
                    )),
                    _ => None,
                };
                AttemptResult::Retry {
                    attempts,
                    at: now + backoff(attempts, asked),
                    error: e.to_string(),
                }
            }
        })
    }

    /// A stored target key as a platform target.
    async fn drop_target(&self, key: &str) -> EngineResult<Option<DropTarget>> {
        if let Some(member) = key.strip_prefix("dm:") {
            let Ok(id) = member.parse::<i64>() else {
                return Ok(None);
            };
            let accounts = self.store.accounts_of(MemberId(id)).await?;
            let reachable = accounts
                .iter()
                .position(|a| self.platform.drives(a.platform));
            let account = accounts.into_iter().nth(reachable.unwrap_or(0));
            return Ok(account.map(DropTarget::Dm));
        }
        let Some((platform, chat)) = key.split_once(':') else {
            return Ok(None);
        };
        let Ok(platform) = platform.parse::<Platform>() else {
            return Ok(None);
        };
        Ok(Some(DropTarget::Chat(ChatRef::group(platform, chat))))
    }
}
