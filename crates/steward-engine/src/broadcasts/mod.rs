//! Broadcasts: `/broadcast SEGMENT TEXT` (and the segment page's form) sends a DM to every
//! member of a segment on each platform they are linked on; `/broadcast status ID` says how far
//! it has gone; `/broadcasts off` keeps a member out of them.
//!
//! This file writes a broadcast and answers the commands; `delivery.rs` sends, `pages.rs` is the
//! dashboard's side. The recipients are written with the broadcast in one transaction; a loop of
//! its own sends what is due, each platform beside the others with a few claims in flight, paced
//! by each adapter (Telegram's 30 a second overall and 1 a second per chat, Discord's 50
//! requests a second) and waiting as long as a 429's `retry_after` asks. A claim a crash interrupted is sent again only where
//! the platform recognises a repeat (Discord's nonce); elsewhere it is counted `unknown`, so
//! nobody gets a broadcast twice. The operator who started it is told the final count once.

mod delivery;
mod pages;

pub use pages::{SEGMENT_PAGE, SegmentMember, SegmentPage};

use std::sync::Arc;

use tokio::sync::Notify;

use crate::commands::{Acting, CommandContext};
use crate::core::analytics::segments::{Segment, SegmentFilter};
use crate::core::ids::Platform;
use crate::i18n::Lang;
use crate::store::BroadcastStatus;
use crate::{Activity, EngineError, EngineResult, Kernel, refuse};
use crate::{msg, tr};

/// The longest the loop sleeps with nothing due (a broadcast written by another process).
const IDLE: std::time::Duration = std::time::Duration::from_secs(60);

/// How long the loop waits before its first delivery. A process that has just started cannot
/// know what the one before it sent in the platforms' current rate window (a restart after a
/// crash mid-broadcast): its pacers start empty while the platform still counts those requests,
/// and the window (one second, on both) has to pass first.
const START_QUIET: std::time::Duration = std::time::Duration::from_secs(1);

/// Deliveries read per batch.
const BATCH: u32 = 500;

/// Deliveries in flight on one platform at once: enough that a distant API's round trip does
/// not set the pace (the adapter's limiter does), few enough that a crash leaves little open.
const IN_FLIGHT: usize = 8;

/// A broadcast text that is a locale key starting with this reads in each member's language.
const KEY_PREFIX: &str = "broadcast-";

/// What one delivery step did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BroadcastCounts {
    pub sent: u32,
    pub retried: u32,
    pub failed: u32,
    pub skipped: u32,
}

impl BroadcastCounts {
    fn add(&mut self, other: Self) {
        self.sent += other.sent;
        self.retried += other.retried;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }
}

/// Broadcasts to segments.
pub struct Broadcasts {
    kernel: Arc<Kernel>,
    /// Who is in a segment depends on activity tallied a moment ago: written first.
    activity: Arc<Activity>,
    /// Woken when a broadcast is written, so its loop starts at once.
    wake: Notify,
}

impl Broadcasts {
    pub(crate) fn new(kernel: Arc<Kernel>, activity: Arc<Activity>) -> Self {
        Self {
            kernel,
            activity,
            wake: Notify::new(),
        }
    }

    /// The platforms this process sends on.
    pub(crate) fn driven(&self) -> Vec<Platform> {
        Platform::ALL
            .into_iter()
            .filter(|p| self.kernel.platform.drives(*p))
            .collect()
    }

    /// The segment an operator named, or a refusal listing the segments.
    pub(crate) fn segment(&self, name: &str) -> EngineResult<Segment> {
        let tiers: Vec<&str> = self
            .kernel
            .config
            .membership
            .tiers
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        Segment::parse(name, &tiers).map_err(EngineError::Refused)
    }

    /// A segment's rule with its thresholds for now.
    pub(crate) fn filter(&self, segment: &Segment) -> SegmentFilter {
        let now = self.kernel.now();
        segment.filter(
            now,
            self.kernel.config.calendar.day(now),
            self.kernel.config.analytics.at_risk_days,
        )
    }

    /// Writes a broadcast of `text` to `segment` and its recipients; the reply says how many
    /// and how to follow it.
    pub(crate) async fn start(
        &self,
        acting: Acting,
        segment: &str,
        text: &str,
    ) -> EngineResult<(i64, String)> {
        let segment = self.segment(segment)?;
        // A member who wrote a second ago is active: their day is written before the segment
        // is read.
        self.activity.flush_activity().await?;
        let filter = self.filter(&segment);
        let platforms = self.driven();
        let mut tx = self.kernel.store.begin().await?;
        let (id, total) = tx
            .create_broadcast(
                segment.name(),
                text,
                acting.member,
                &filter,
                &platforms,
                acting.at,
            )
            .await?;
        tx.commit().await?;
        self.wake.notify_one();
        tracing::info!(
            broadcast = id,
            segment = segment.name(),
            total,
            "broadcast queued"
        );
        let reply = if total == 0 {
            tr!(
                acting.lang,
                "broadcast-empty",
                id = id,
                segment = segment.name()
            )
        } else {
            tr!(
                acting.lang,
                "broadcast-queued",
                id = id,
                segment = segment.name(),
                accounts = total
            )
        };
        Ok((id, reply))
    }

    /// `/broadcast SEGMENT TEXT`.
    pub(crate) async fn broadcast_command(
        &self,
        ctx: &CommandContext,
        segment: &str,
        text: &str,
    ) -> EngineResult<String> {
        Ok(self.start(ctx.acting(), segment, text).await?.1)
    }

    /// `/broadcast status ID`: sent, failed, remaining and, while it runs, when it should end.
    pub(crate) async fn status_command(&self, lang: Lang, id: i64) -> EngineResult<String> {
        let Some(status) = self.kernel.store.broadcast_status(id).await? else {
            return refuse(msg!("broadcast-unknown", id = id));
        };
        Ok(self.status_words(lang, &status))
    }

    pub(crate) fn status_words(&self, lang: Lang, s: &BroadcastStatus) -> String {
        let mut words = tr!(
            lang,
            "broadcast-status",
            id = s.id,
            segment = s.segment.as_str(),
            total = s.total,
            sent = s.sent,
            failed = s.failed + s.unknown,
            skipped = s.skipped,
            remaining = s.remaining
        );
        if s.finished_at.is_none()
            && let Some(seconds) = eta_seconds(s)
        {
            words.push('\n');
            words.push_str(&tr!(lang, "broadcast-eta", seconds = seconds));
        }
        words
    }

    /// `/broadcasts on|off`.
    pub(crate) async fn opt_out_command(
        &self,
        ctx: &CommandContext,
        off: bool,
    ) -> EngineResult<String> {
        self.kernel
            .store
            .set_broadcasts_off(ctx.member, off)
            .await?;
        Ok(if off {
            tr!(ctx.lang, "broadcasts-off")
        } else {
            tr!(ctx.lang, "broadcasts-on")
        })
    }
}

/// Seconds left at the rate sent so far, once two deliveries a second apart give one.
fn eta_seconds(s: &BroadcastStatus) -> Option<i64> {
    let (first, last) = (s.first_sent_at?, s.last_sent_at?);
    let span = (last - first).num_milliseconds();
    if span < 1_000 || s.sent < 2 {
        return None;
    }
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    let eta = (s.remaining as f64 * span as f64 / (s.sent - 1) as f64 / 1_000.0).ceil() as i64;
    Some(eta)
}
