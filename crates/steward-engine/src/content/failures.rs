//! Deliveries that did not happen: what a failed attempt becomes (a retry with backoff, or a
//! failure), the codes the engine stores as a delivery's last error when it gives up or waits
//! on its own account, and the operators' reports on failed and missed deliveries, each in the
//! reader's language.

use chrono::{DateTime, Duration, Utc};

use crate::Drops;
use crate::core::drops::delivery::{MAX_ATTEMPTS, backoff};
use crate::core::ids::Platform;
use crate::i18n::{Lang, datetime};
use crate::membership::words::{platform as platform_name, span};
use crate::platform::PlatformError;
use crate::store::{AttemptResult, DeliveryRow};
use crate::tr;

/// Why the engine itself gave up on a delivery or put it off: stored as a code in the
/// delivery's last error, worded in the reader's language when shown ([`error_text`]).
pub(super) const DROP_GONE: &str = "steward:drop-gone";
pub(super) const NO_DM_ACCOUNT: &str = "steward:no-dm-account";
/// Followed by the platform's id.
pub(super) const UNDRIVEN: &str = "steward:undriven:";

/// A delivery's last error in words: the engine's own codes in `lang`, a platform's error as
/// the platform gave it.
pub(super) fn error_text(lang: Lang, stored: &str) -> String {
    match stored {
        DROP_GONE => tr!(lang, "delivery-error-drop-gone"),
        NO_DM_ACCOUNT => tr!(lang, "delivery-error-no-account"),
        _ => match stored
            .strip_prefix(UNDRIVEN)
            .and_then(|p| p.parse::<Platform>().ok())
        {
            Some(platform) => tr!(
                lang,
                "delivery-error-undriven",
                platform = platform_name(platform)
            ),
            None => stored.to_owned(),
        },
    }
}

/// What a drop missed while the bot was down, for the operators' report.
pub(super) struct Missed {
    pub drop_id: i64,
    /// The first occurrence missed, when one was recorded.
    pub first: Option<DateTime<Utc>>,
    /// The occurrence posted instead, if any.
    pub posted: Option<DateTime<Utc>>,
    pub lost: usize,
}

impl Drops {
    /// A failed attempt: retried with backoff (as the platform asked, if it did) until
    /// [`MAX_ATTEMPTS`], or failed at once when what it needs is gone.
    pub(super) fn not_sent(
        &self,
        attempts: u32,
        now: DateTime<Utc>,
        e: PlatformError,
    ) -> (AttemptResult, Option<PlatformError>) {
        // Stored in the community's language, for whoever asks `/drop status` later; the
        // report on a final failure words it in each operator's.
        let error = e.describe(self.kernel.community_language());
        if attempts >= MAX_ATTEMPTS || matches!(e, PlatformError::Gone(_)) {
            return (AttemptResult::Failed { attempts, error }, Some(e));
        }
        let asked = match &e {
            PlatformError::RateLimited { retry_after_secs } => Some(Duration::seconds(
                i64::try_from(*retry_after_secs).unwrap_or(i64::MAX / 2_000),
            )),
            _ => None,
        };
        let at = now + backoff(attempts, asked);
        (
            AttemptResult::Retry {
                attempts,
                at,
                error,
            },
            Some(e),
        )
    }

    /// Tells the operators a delivery failed for good.
    pub(super) async fn report_failure(
        &self,
        delivery: &DeliveryRow,
        stored: &str,
        cause: Option<&PlatformError>,
    ) {
        self.kernel
            .tell_operators_with(|lang| {
                let error = cause.map_or_else(|| error_text(lang, stored), |e| e.describe(lang));
                tr!(
                    lang,
                    "delivery-failed",
                    id = delivery.drop_id,
                    target = &delivery.target,
                    error = error
                )
            })
            .await;
    }

    /// Tells the operators, in one message, what drops missed while the bot was down.
    pub(super) async fn report_missed(&self, missed: &[Missed]) {
        self.kernel
            .tell_operators_with(|lang| {
                let lines: Vec<String> = missed.iter().map(|m| self.missed_line(lang, m)).collect();
                lines.join("\n")
            })
            .await;
    }

    /// One line of the operators' report on what a drop missed.
    fn missed_line(&self, lang: Lang, missed: &Missed) -> String {
        let tz = self.kernel.config.calendar.tz;
        let limit = span(self.kernel.config.membership.catch_up);
        let first = missed
            .first
            .map_or(String::new(), |at| datetime(lang, at, tz));
        let (id, count) = (missed.drop_id, missed.lost);
        match missed.posted {
            None if count == 1 => tr!(
                lang,
                "delivery-missed-one",
                id = id,
                at = first,
                limit = limit
            ),
            None => tr!(
                lang,
                "delivery-missed-all",
                id = id,
                count = count,
                from = first,
                limit = limit
            ),
            Some(latest) => tr!(
                lang,
                "delivery-missed-some",
                id = id,
                count = count,
                from = first,
                latest = datetime(lang, latest, tz)
            ),
        }
    }
}
