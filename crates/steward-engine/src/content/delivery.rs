//! Turning due drop occurrences into deliveries, and delivering them: claim, send, record,
//! `drops.in_flight` at a time, in order for each target.
//! After downtime a drop posts at most its latest occurrence, and only inside `drops.catch_up`;
//! the rest are recorded as missed and reported to operators in one message.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, Duration, Utc};
use futures::stream::{self, StreamExt};
use tokio::sync::Mutex;

use super::drops::DM_TARGET;
use super::failures::{DROP_GONE, Missed, NO_DM_ACCOUNT, UNDRIVEN};
use super::media_delivery::{MediaCache, PreparedMedia};
use crate::core::access::{Viewer, may_see};
use crate::core::drops::catch_up;
use crate::core::drops::delivery::{DeliveryState, lanes};
use crate::core::drops::schedule::{Rule, next_occurrence};
use crate::core::ids::{ChatRef, MemberId, Platform};
use crate::core::tiers;
use crate::platform::{DropTarget, MessageRef, OutboundDrop, PlatformError};
use crate::store::{AttemptResult, DeliveryRow, DropRow};
use crate::tr;
use crate::{Drops, EngineResult};

/// What one pass of delivering did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryCounts {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

/// Overdue occurrences of one drop recorded one by one after downtime; a drop further behind (a
/// per-minute rule down for days) records the latest this many and counts the rest.
const MAX_RECORDED: usize = 1000;
/// Overdue occurrences walked before a drop jumps straight to its next run after now.
const MAX_WALKED: usize = 100_000;

/// One drop's overdue occurrences, oldest first, and what comes after them.
struct Overdue {
    recorded: VecDeque<DateTime<Utc>>,
    /// Overdue occurrences not recorded (beyond [`MAX_RECORDED`] or [`MAX_WALKED`]).
    uncounted: usize,
    next: Option<DateTime<Utc>>,
}

impl Drops {
    /// Expands every due drop: after downtime a recurring drop posts at most its latest
    /// occurrence inside `drops.catch_up` and records the earlier ones as missed
    /// (`core::drops::catch_up`), then moves on to its next run. Operators get one report per
    /// tick for everything missed. Returns (occurrences expanded, occurrences missed).
    pub(crate) async fn expand_due_drops(
        &self,
        now: DateTime<Utc>,
    ) -> EngineResult<(usize, usize)> {
        let (mut expanded, mut missed) = (0, 0);
        let mut report: Vec<Missed> = Vec::new();
        let window = self.kernel.config.membership.catch_up;
        for _ in 0..100 {
            let due = self.kernel.store.due_drops(now, 1000).await?;
            if due.is_empty() {
                break;
            }
            for seen in due {
                let Some(first) = seen.next_at else {
                    continue;
                };
                let mut tx = self.kernel.store.begin().await?;
                let Some(drop) = tx.drop_by_id(seen.id).await? else {
                    continue;
                };
                if drop.cancelled_at.is_some() || drop.next_at != Some(first) {
                    continue; // cancelled or expanded meanwhile
                }
                let overdue = self.overdue(&drop, first, now);
                let mut recorded = overdue.recorded;
                let plan = catch_up::plan(recorded.make_contiguous(), now, window);
                for at in &plan.missed {
                    // The drop's own targets (`dm`, not each member): a record, not a send.
                    tx.add_deliveries(drop.id, *at, &drop.targets, DeliveryState::Missed)
                        .await?;
                }
                if let Some(at) = plan.post {
                    let targets = self.expand_targets(&drop, at).await?;
                    tx.add_deliveries(drop.id, at, &targets, DeliveryState::Pending)
                        .await?;
                }
                tx.set_next_at(drop.id, overdue.next).await?;
                tx.commit().await?;
                let lost = plan.missed.len() + overdue.uncounted;
                expanded += recorded.len() + overdue.uncounted;
                missed += lost;
                if lost > 0 {
                    report.push(Missed {
                        drop_id: drop.id,
                        first: plan.missed.first().copied(),
                        posted: plan.post,
                        lost,
                    });
                }
            }
        }
        if !report.is_empty() {
            self.report_missed(&report).await;
        }
        Ok((expanded, missed))
    }

    /// Every occurrence of `drop` from `first` up to `now`, and the run after them.
    fn overdue(&self, drop: &DropRow, first: DateTime<Utc>, now: DateTime<Utc>) -> Overdue {
        let mut recorded = VecDeque::from([first]);
        let mut uncounted = 0;
        let mut next = self.following(drop, first);
        let mut walked = 1;
        while let Some(at) = next.filter(|at| *at <= now) {
            if walked == MAX_WALKED {
                // Far behind: skip what is left to the first run after now, uncounted.
                next = self.following(drop, now);
                break;
            }
            if recorded.len() == MAX_RECORDED {
                recorded.pop_front();
                uncounted += 1;
            }
            recorded.push_back(at);
            next = self.following(drop, at);
            walked += 1;
        }
        Overdue {
            recorded,
            uncounted,
            next,
        }
    }

    /// The occurrence after `occurrence`, for recurring drops.
    fn following(&self, drop: &DropRow, occurrence: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let rule = Rule::parse(drop.rule.as_deref()?).ok()?;
        let at = drop.time_of_day?;
        next_occurrence(&rule, at, occurrence, self.kernel.config.calendar.tz, false)
    }

    /// Delivery targets of one occurrence: its chats, or a DM to each member whose running
    /// tier lets them see the drop at `at` (the access rule; a DM goes by membership, so
    /// operators without one get none).
    async fn expand_targets(&self, drop: &DropRow, at: DateTime<Utc>) -> EngineResult<Vec<String>> {
        if !drop.targets.iter().any(|t| t == DM_TARGET) {
            return Ok(drop.targets.clone());
        }
        let gate = self.membership.gate(drop.tier.as_deref());
        let mut by_member: HashMap<MemberId, Vec<tiers::Membership>> = HashMap::new();
        for held in self.kernel.store.running_memberships(None).await? {
            by_member
                .entry(held.member)
                .or_default()
                .push(tiers::Membership {
                    tier: held.tier,
                    expires_at: held.expires_at,
                });
        }
        // A seat in a running team gives its tier as a membership does.
        for (member, held) in self.kernel.store.running_seats().await? {
            by_member.entry(member).or_default().push(held);
        }
        let mut members: Vec<MemberId> = by_member
            .into_iter()
            .filter(|(member, held)| {
                let tier = tiers::effective(&self.kernel.config.membership.tiers, held, at);
                may_see(&Viewer::member(*member).holding(tier.map(|t| t.rank)), gate)
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
                    .filter(|p| self.kernel.platform.drives(*p))
                    .map(Platform::as_str),
            )
            .collect()
    }

    /// Delivers every pending delivery that is due, `drops.in_flight` at a time. Deliveries to
    /// one target (a chat, a member's DMs) form a lane sent in order, so two drops due together
    /// arrive in the order they were due.
    pub(crate) async fn deliver_due(&self, now: DateTime<Utc>) -> EngineResult<DeliveryCounts> {
        let mut counts = DeliveryCounts::default();
        let mut drops: HashMap<i64, Option<DropRow>> = HashMap::new();
        let media = Mutex::new(MediaCache::default());
        let in_flight = self.kernel.config.membership.drops_in_flight;
        for _ in 0..1000 {
            let due = self
                .kernel
                .store
                .due_deliveries(now, &self.driven_targets(), 500)
                .await?;
            if due.is_empty() {
                break;
            }
            for delivery in &due {
                if let Entry::Vacant(slot) = drops.entry(delivery.drop_id) {
                    slot.insert(self.kernel.store.drop_by_id(delivery.drop_id).await?);
                }
            }
            let (drops, media) = (&drops, &media);
            let mut lanes = stream::iter(lanes(due, |d| d.target.as_str()))
                .map(|lane| async move {
                    let mut counts = DeliveryCounts::default();
                    for delivery in lane {
                        let drop = drops.get(&delivery.drop_id).and_then(Option::as_ref);
                        self.deliver_one(drop, &delivery, now, media, &mut counts)
                            .await?;
                    }
                    EngineResult::Ok(counts)
                })
                .buffer_unordered(in_flight);
            // A lane that fails stops only itself: the others finish and record what they sent,
            // so no claim is left `sending` (resent at the next start) by a neighbour's error.
            let mut failure = None;
            while let Some(lane) = lanes.next().await {
                match lane {
                    Ok(lane) => {
                        counts.sent += lane.sent;
                        counts.retried += lane.retried;
                        counts.failed += lane.failed;
                    }
                    Err(e) => {
                        failure.get_or_insert(e);
                    }
                }
            }
            if let Some(e) = failure {
                return Err(e);
            }
        }
        Ok(counts)
    }

    /// Claims, sends and records one delivery (another process may have claimed it first).
    async fn deliver_one(
        &self,
        drop: Option<&DropRow>,
        delivery: &DeliveryRow,
        now: DateTime<Utc>,
        media: &Mutex<MediaCache>,
        counts: &mut DeliveryCounts,
    ) -> EngineResult<()> {
        if !self.kernel.store.claim_delivery(delivery.id).await? {
            return Ok(());
        }
        self.kernel
            .metrics
            .delivery_started(self.kernel.now() - delivery.next_attempt_at);
        let (result, cause) = match drop {
            Some(drop) => self.attempt(drop, delivery, now, media).await?,
            None => (
                AttemptResult::Failed {
                    attempts: delivery.attempts + 1,
                    error: DROP_GONE.into(),
                },
                None,
            ),
        };
        match &result {
            AttemptResult::Sent { .. } => counts.sent += 1,
            AttemptResult::Retry { .. } => counts.retried += 1,
            AttemptResult::Failed { error, .. } => {
                counts.failed += 1;
                self.report_failure(delivery, error, cause.as_ref()).await;
            }
        }
        self.kernel
            .store
            .finish_delivery(delivery.id, &result)
            .await?;
        Ok(())
    }

    /// One platform call for one claimed delivery, with the platform's error if it failed.
    async fn attempt(
        &self,
        drop: &DropRow,
        delivery: &DeliveryRow,
        now: DateTime<Utc>,
        media: &Mutex<MediaCache>,
    ) -> EngineResult<(AttemptResult, Option<PlatformError>)> {
        let attempts = delivery.attempts + 1;
        let Some(target) = self.drop_target(&delivery.target).await? else {
            let result = AttemptResult::Failed {
                attempts,
                error: NO_DM_ACCOUNT.into(),
            };
            return Ok((result, None));
        };
        let target_platform = target.platform();
        if !self.kernel.platform.drives(target_platform) {
            // A DM to a member whose only accounts are on platforms this process does not
            // drive: left for a process that does, without spending an attempt.
            let result = AttemptResult::Retry {
                attempts: delivery.attempts,
                at: now + Duration::hours(1),
                error: format!("{UNDRIVEN}{target_platform}"),
            };
            return Ok((result, None));
        }
        let copy_of = drop.source.as_ref().and_then(|s| {
            let platform: Platform = s.platform.parse().ok()?;
            (platform == target_platform && self.kernel.platform.copies_messages(platform)).then(
                || MessageRef {
                    chat: ChatRef::group(platform, s.chat.clone()),
                    message_id: s.message.clone(),
                },
            )
        });
        // Anywhere but a copy the files are uploaded, or linked past the limit. A copy carries
        // its own; they come along only for the platform to fall back on if the original is
        // gone, so a file missing then does not hold the copy back.
        let prepared = match (
            self.media_for(drop, target_platform, now, media).await?,
            &copy_of,
        ) {
            (Ok(prepared), _) => prepared,
            (Err(_), Some(_)) => PreparedMedia::default(),
            (Err(e), None) => return Ok(self.not_sent(attempts, now, e)),
        };
        let mut text = drop.text.clone();
        for link in &prepared.links {
            text.push_str("\n\n");
            text.push_str(link);
        }
        let outbound = OutboundDrop {
            drop_id: drop.id,
            text,
            copy_of,
            nonce: format!("steward-d{}", delivery.id),
            done_label: self
                .kernel
                .store
                .is_lesson(drop.id)
                .await?
                .then(|| tr!(self.kernel.community_language(), "lesson-done-button")),
            media: prepared.uploads,
        };
        match self.kernel.platform.send_drop(&target, &outbound).await {
            Ok(()) => Ok((AttemptResult::Sent { at: now }, None)),
            Err(e) => Ok(self.not_sent(attempts, now, e)),
        }
    }

    /// A stored target key as a platform target.
    async fn drop_target(&self, key: &str) -> EngineResult<Option<DropTarget>> {
        if let Some(member) = key.strip_prefix("dm:") {
            let Ok(id) = member.parse::<i64>() else {
                return Ok(None);
            };
            let accounts = self.kernel.store.accounts_of(MemberId(id)).await?;
            let reachable = accounts
                .iter()
                .position(|a| self.kernel.platform.drives(a.platform));
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
