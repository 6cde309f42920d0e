//! Broadcasts: `/broadcast SEGMENT TEXT` (and the segment page's form) sends a DM to every
//! member of a segment on each platform they are linked on; `/broadcast status ID` says how far
//! it has gone; `/broadcasts off` keeps a member out of them.
//!
//! The recipients are written with the broadcast in one transaction; the scheduler's step sends
//! what is due, one claim at a time as drops are sent, paced by each platform's adapter
//! (Telegram's 30 a second overall and 1 a second per chat, Discord's global limit) and waiting
//! as long as a 429's `retry_after` asks. A claim a crash interrupted is sent again only where
//! the platform recognises a repeat (Discord's nonce); elsewhere it is counted `unknown`, so
//! nobody gets a broadcast twice. The operator who started it is told the final count once.

use std::sync::Arc;

use tokio::sync::{Notify, watch};

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::commands::{Acting, CommandContext};
use crate::core::access::Viewer;
use crate::core::analytics::segments::{Segment, SegmentFilter};
use crate::core::commands::MAX_BROADCAST;
use crate::core::drops::delivery::{MAX_ATTEMPTS, backoff};
use crate::core::ids::{MemberId, Platform};
use crate::i18n::Lang;
use crate::platform::PlatformError;
use crate::store::{BroadcastDeliveryRow, BroadcastOutcome, BroadcastStatus};
use crate::web::PageError;
use crate::{Activity, EngineError, EngineResult, Kernel, refuse};
use crate::{msg, tr};

/// The longest the loop sleeps with nothing due (a broadcast written by another process).
const IDLE: std::time::Duration = std::time::Duration::from_secs(60);

/// Deliveries read per batch.
const BATCH: u32 = 500;

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

/// One page of a segment, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentPage {
    pub segment: Segment,
    pub members: Vec<SegmentMember>,
    /// Members in the segment in all.
    pub total: i64,
    pub offset: u32,
}

/// One member of a segment, with their tiers' names and days in the community's calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentMember {
    pub member: MemberId,
    pub name: String,
    pub last_active: Option<NaiveDate>,
    pub tiers: Vec<String>,
    /// The day their soonest-ending tier ends.
    pub ends: Option<NaiveDate>,
}

/// Members on one page of a segment.
pub const SEGMENT_PAGE: u32 = 50;

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

    /// One page of the segment `name`, for operators.
    pub async fn segment_page(
        &self,
        viewer: &Viewer,
        name: &str,
        offset: u32,
    ) -> Result<SegmentPage, PageError> {
        operator_only(viewer)?;
        let segment = self.segment(name).map_err(|_| PageError::NotFound)?;
        let now = self.kernel.now();
        let (rows, total) = self
            .kernel
            .store
            .segment_members(&self.filter(&segment), now, offset, SEGMENT_PAGE)
            .await?;
        let calendar = self.kernel.config.calendar;
        let tier_name = |id: &String| {
            self.kernel
                .config
                .membership
                .tiers
                .iter()
                .find(|t| &t.id == id)
                .map_or_else(|| id.clone(), |t| t.name.clone())
        };
        let members = rows
            .into_iter()
            .map(|r| SegmentMember {
                member: r.member,
                name: r.name,
                last_active: r.last_active,
                tiers: r.tiers.iter().map(tier_name).collect(),
                ends: r.ends_at.map(|at| calendar.day(at)),
            })
            .collect();
        Ok(SegmentPage {
            segment,
            members,
            total,
            offset,
        })
    }

    /// A broadcast from the segment page's form, by the viewing operator; the reply in their
    /// language, or why not.
    pub async fn web_broadcast(
        &self,
        viewer: &Viewer,
        segment: &str,
        text: &str,
    ) -> Result<(i64, String), PageError> {
        operator_only(viewer)?;
        let actor = viewer.member.ok_or(PageError::LoginNeeded)?;
        let lang = self.kernel.language_of(actor).await;
        let acting = Acting {
            member: actor,
            at: self.kernel.now(),
            lang,
        };
        let text = text.trim();
        if text.is_empty() || text.chars().count() > MAX_BROADCAST {
            return Err(PageError::Refused(tr!(
                lang,
                "parse-broadcast-long",
                max = MAX_BROADCAST
            )));
        }
        match self.start(acting, segment, text).await {
            Ok(done) => Ok(done),
            Err(EngineError::Refused(why)) => Err(PageError::Refused(why.render(lang))),
            Err(EngineError::Store(e)) => Err(PageError::Store(e)),
        }
    }

    /// A broadcast's status in the viewing operator's language.
    pub async fn web_status(&self, viewer: &Viewer, id: i64) -> Result<String, PageError> {
        operator_only(viewer)?;
        let actor = viewer.member.ok_or(PageError::LoginNeeded)?;
        let lang = self.kernel.language_of(actor).await;
        match self.kernel.store.broadcast_status(id).await? {
            Some(status) => Ok(self.status_words(lang, &status)),
            None => Err(PageError::NotFound),
        }
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

    /// After a crash: claims go back to pending where a repeat is recognised, else `unknown`.
    pub(crate) async fn recover(&self) -> Result<(), crate::store::StoreError> {
        let resendable: Vec<Platform> = Platform::ALL
            .into_iter()
            .filter(|p| self.kernel.platform.recognises_repeats(*p))
            .collect();
        let (resent, unknown) = self
            .kernel
            .store
            .recover_broadcast_claims(&resendable)
            .await?;
        if resent + unknown > 0 {
            tracing::warn!(
                resent,
                unknown,
                "broadcast deliveries interrupted by a crash: resent where the platform \
                 recognises a repeat, else counted as unknown"
            );
        }
        Ok(())
    }

    /// Sends the deliveries due at `now`, then tells operators of broadcasts that finished: the
    /// step [`Broadcasts::run_broadcasts`] repeats.
    pub async fn deliver_due(&self, now: DateTime<Utc>) -> EngineResult<BroadcastCounts> {
        self.deliver(now, &|| false).await
    }

    /// Sends broadcasts as they fall due, beside the scheduler (a broadcast to thousands takes
    /// minutes at the platforms' rates, and drops and expiries must not wait for it), until
    /// `stop` turns true; a stop is seen between two deliveries.
    pub async fn run_broadcasts(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        while !*stop.borrow() {
            let now = self.kernel.now();
            let stopping = stop.clone();
            let stepped = self.deliver(now, &|| *stopping.borrow()).await;
            let next = self
                .kernel
                .store
                .next_broadcast_delivery_at(&self.driven())
                .await
                .map_err(EngineError::from);
            let wake = match (&stepped, &next) {
                (Ok(_), Ok(wake)) => *wake,
                (Err(e), _) | (_, Err(e)) => {
                    tracing::error!(error = ?e, "broadcast step failed; trying again in 5 s");
                    Some(self.kernel.now() + Duration::seconds(5))
                }
            };
            let sleep = wake.map_or(IDLE, |at| {
                (at - self.kernel.now())
                    .to_std()
                    .unwrap_or(std::time::Duration::ZERO)
                    .min(IDLE)
            });
            tokio::select! {
                _ = stop.changed() => {}
                () = tokio::time::sleep(sleep) => {}
                () = self.wake.notified() => {}
            }
        }
    }

    async fn deliver(
        &self,
        now: DateTime<Utc>,
        stopping: &(dyn Fn() -> bool + Sync),
    ) -> EngineResult<BroadcastCounts> {
        let mut counts = BroadcastCounts::default();
        let platforms = self.driven();
        loop {
            let due = self
                .kernel
                .store
                .due_broadcast_deliveries(now, &platforms, BATCH)
                .await?;
            if due.is_empty() {
                break;
            }
            for delivery in due {
                if stopping() {
                    return Ok(counts);
                }
                if !self
                    .kernel
                    .store
                    .claim_broadcast_delivery(delivery.id)
                    .await?
                {
                    continue;
                }
                let outcome = self.attempt(&delivery).await?;
                match outcome {
                    BroadcastOutcome::Sent { .. } => counts.sent += 1,
                    BroadcastOutcome::Retry { .. } => counts.retried += 1,
                    BroadcastOutcome::Failed { .. } => counts.failed += 1,
                    BroadcastOutcome::Skipped => counts.skipped += 1,
                }
                self.kernel
                    .store
                    .finish_broadcast_delivery(delivery.id, &outcome, self.kernel.now())
                    .await?;
            }
        }
        self.report_finished().await?;
        Ok(counts)
    }

    async fn attempt(&self, d: &BroadcastDeliveryRow) -> EngineResult<BroadcastOutcome> {
        // Opted out or erased since it was written: not sent.
        if !self.kernel.store.gets_broadcasts(d.member).await? {
            return Ok(BroadcastOutcome::Skipped);
        }
        let text = self.text_for(d.member, &d.text).await;
        let key = format!("steward-b{}", d.id);
        let e = match self.kernel.platform.dm_once(&d.account, &text, &key).await {
            Ok(()) => {
                return Ok(BroadcastOutcome::Sent {
                    at: self.kernel.now(),
                });
            }
            Err(e) => e,
        };
        let error = e.describe(self.kernel.community_language());
        let (attempts, asked) = match &e {
            // The platform's own pacing: waiting as asked costs no attempt.
            PlatformError::RateLimited { retry_after_secs } => (
                d.attempts,
                Some(Duration::seconds(
                    i64::try_from(*retry_after_secs).unwrap_or(i64::MAX / 2_000),
                )),
            ),
            _ => (d.attempts + 1, None),
        };
        if attempts >= MAX_ATTEMPTS {
            return Ok(BroadcastOutcome::Failed { attempts, error });
        }
        Ok(BroadcastOutcome::Retry {
            attempts,
            at: self.kernel.now() + backoff(attempts.max(1), asked),
            error,
        })
    }

    /// The text as the member reads it: a `broadcast-…` locale key in their language, anything
    /// else as written.
    async fn text_for(&self, member: MemberId, text: &str) -> String {
        if text.starts_with(KEY_PREFIX) && !text.contains(char::is_whitespace) {
            let lang = self.kernel.language_of(member).await;
            if let Some(words) = crate::i18n::render_known(lang, text) {
                return words;
            }
        }
        text.to_owned()
    }

    /// Tells each finished broadcast's operator its final count, once.
    async fn report_finished(&self) -> EngineResult<()> {
        for id in self.kernel.store.take_finished_broadcasts().await? {
            let Some(status) = self.kernel.store.broadcast_status(id).await? else {
                continue;
            };
            let Some(by) = status.created_by else {
                continue;
            };
            self.kernel
                .tell_with(by, |lang| {
                    tr!(
                        lang,
                        "broadcast-finished",
                        id = status.id,
                        segment = status.segment.as_str(),
                        sent = status.sent,
                        failed = status.failed + status.unknown,
                        skipped = status.skipped
                    )
                })
                .await?;
        }
        Ok(())
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

fn operator_only(viewer: &Viewer) -> Result<(), PageError> {
    match (viewer.operator, viewer.member) {
        (true, Some(_)) => Ok(()),
        (false, Some(_)) => Err(PageError::Forbidden),
        _ => Err(PageError::LoginNeeded),
    }
}
