//! `/drop status` (where each occurrence went) and `/drop stats` (how members rated it), for
//! operators, in the asker's language.

use super::failures::error_text;
use crate::core::drops::delivery::DeliveryState;
use crate::i18n::{Lang, date, datetime};
use crate::membership::words::list;
use crate::tr;
use crate::{Drops, EngineResult};

/// Deliveries `/drop status` lists.
const LISTED: u32 = 30;

impl Drops {
    pub(super) async fn drop_status(&self, lang: Lang, id: i64) -> EngineResult<String> {
        let drop = self.find_drop(id).await?;
        let deliveries = self.kernel.store.deliveries_of(drop.id, LISTED).await?;
        let mut lines = vec![self.drop_line(lang, &drop)];
        if deliveries.is_empty() {
            lines.push(if drop.next_at.is_some() {
                tr!(lang, "drop-status-nothing-yet")
            } else {
                // A tier drop by DM that fell due when the tier had no members.
                tr!(lang, "drop-status-no-one")
            });
        }
        let tz = self.kernel.config.calendar.tz;
        for d in deliveries {
            let state = d.state.as_str();
            let detail = match (&d.last_error, d.state) {
                (Some(error), DeliveryState::Pending) => tr!(
                    lang,
                    "drop-status-retry",
                    attempt = d.attempts + 1,
                    at = datetime(lang, d.next_attempt_at, tz),
                    error = error_text(lang, error)
                ),
                (Some(error), _) => tr!(
                    lang,
                    "drop-status-error",
                    state = tr!(lang, "drop-state", state = state),
                    error = error_text(lang, error),
                    attempts = d.attempts
                ),
                (None, _) => tr!(lang, "drop-state", state = state),
            };
            let local = d.occurrence_at.with_timezone(&tz);
            let at = tr!(
                lang,
                "drop-status-at",
                date = date(lang, local.date_naive()),
                time = local.format("%H:%M").to_string()
            );
            lines.push(tr!(
                lang,
                "drop-status-line",
                at = at,
                target = &d.target,
                detail = detail
            ));
        }
        Ok(lines.join("\n"))
    }

    /// Ratings and the latest written feedback with its authors (operators only).
    pub(super) async fn drop_stats(&self, lang: Lang, id: i64) -> EngineResult<String> {
        let drop = self.find_drop(id).await?;
        let mut lines = vec![self.rating_summary(lang, drop.id).await?];
        let feedback = self
            .kernel
            .store
            .feedback_on(drop.id, super::feedback::LISTED)
            .await?;
        if !feedback.is_empty() {
            lines.push(tr!(lang, "drop-stats-feedback"));
        }
        for f in feedback {
            lines.push(tr!(
                lang,
                "drop-stats-feedback-line",
                when = datetime(lang, f.at, self.kernel.config.calendar.tz),
                author = f.author,
                text = f.text
            ));
        }
        Ok(lines.join("\n"))
    }

    async fn rating_summary(&self, lang: Lang, id: i64) -> EngineResult<String> {
        let counts = self.kernel.store.ratings(id).await?;
        let total: u64 = counts.iter().sum();
        if total == 0 {
            return Ok(tr!(lang, "drop-stats-none", id = id));
        }
        let sum: u64 = counts
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u64 + 1) * n)
            .sum();
        let spread: Vec<String> = (0..5)
            .rev()
            .map(|i| tr!(lang, "drop-stats-stars", stars = i + 1, count = counts[i]))
            .collect();
        Ok(tr!(
            lang,
            "drop-stats",
            id = id,
            total = total,
            average = format!("{:.1}", sum as f64 / total as f64),
            spread = list(lang, &spread)
        ))
    }
}
