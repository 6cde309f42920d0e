//! Members' rights over their data: the two-step erasure (asked, then confirmed within a few
//! minutes by the same person) and how long per-member detail is kept before it rolls up.

use chrono::{DateTime, Duration, Utc};

/// How long an erasure waits for its confirmation.
pub const ERASE_CONFIRM_WINDOW: Duration = Duration::minutes(5);

/// An erasure asked for and not yet confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErasureRequest<M> {
    /// Who asked: the member, or the operator acting for them.
    pub requested_by: M,
    pub end_memberships: bool,
    pub expires_at: DateTime<Utc>,
}

impl<M: PartialEq> ErasureRequest<M> {
    /// A request made at `now`.
    pub fn new(requested_by: M, end_memberships: bool, now: DateTime<Utc>) -> Self {
        Self {
            requested_by,
            end_memberships,
            expires_at: now + ERASE_CONFIRM_WINDOW,
        }
    }
}

/// Why a confirmation does not erase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmRefusal {
    /// Nothing was asked, or someone else asked (a confirmation is the asker's own).
    NothingAsked,
    /// It was asked too long ago.
    Expired,
}

/// Whether `confirmer`, at `now`, confirms `request`; on success, whether to end memberships.
pub fn confirm<M: PartialEq>(
    request: Option<&ErasureRequest<M>>,
    confirmer: &M,
    now: DateTime<Utc>,
) -> Result<bool, ConfirmRefusal> {
    match request {
        Some(request) if request.requested_by != *confirmer => Err(ConfirmRefusal::NothingAsked),
        Some(request) if now >= request.expires_at => Err(ConfirmRefusal::Expired),
        Some(request) => Ok(request.end_memberships),
        None => Err(ConfirmRefusal::NothingAsked),
    }
}

/// The moment before which per-member detail rolls up, when it is kept `keep_days` days;
/// `None` keeps it for ever.
#[must_use]
pub fn detail_cutoff(now: DateTime<Utc>, keep_days: u32) -> Option<DateTime<Utc>> {
    (keep_days > 0).then(|| now - Duration::days(i64::from(keep_days)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default() + Duration::minutes(minutes)
    }

    #[test]
    fn the_asker_confirms_within_five_minutes() {
        let request = ErasureRequest::new(7, true, at(0));
        assert_eq!(confirm(Some(&request), &7, at(4)), Ok(true));
        assert_eq!(
            confirm(Some(&request), &7, at(5)),
            Err(ConfirmRefusal::Expired)
        );
    }

    #[test]
    fn nobody_else_confirms_and_nothing_asked_is_refused() {
        let request = ErasureRequest::new(7, false, at(0));
        assert_eq!(
            confirm(Some(&request), &8, at(1)),
            Err(ConfirmRefusal::NothingAsked)
        );
        assert_eq!(
            confirm::<i64>(None, &7, at(1)),
            Err(ConfirmRefusal::NothingAsked)
        );
    }

    #[test]
    fn detail_is_kept_for_the_days_configured_or_for_ever() {
        assert_eq!(detail_cutoff(at(0), 0), None);
        assert_eq!(detail_cutoff(at(0), 30), Some(at(0) - Duration::days(30)));
    }
}
