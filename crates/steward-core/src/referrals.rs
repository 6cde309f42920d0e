//! Referrals: a member's invite code, who may be recorded as brought by whom (a newcomer, once,
//! not by themselves), and what happens to a referral whose member paid once the hold has passed
//! (credited, or reversed if that payment was refunded).

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::ids::MemberId;

/// What a deep link's payload starts with for a referral: `t.me/BOT?start=ref-CODE`.
pub const LINK_PREFIX: &str = "ref-";

/// How recently a member must have first been seen to count as brought by a link: someone in
/// the community for longer was not brought by it.
pub const NEW_WITHIN: Duration = Duration::days(1);

/// Letters of a code: no 0/O or 1/I to misread.
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Characters in a code.
const CODE_LEN: usize = 8;

/// `member`'s invite code: derived from the community's secret, so it cannot be guessed from the
/// member's number, and the same every time it is asked for.
#[must_use]
pub fn code_for(secret: &[u8], member: MemberId) -> String {
    // Hmac accepts a key of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
    mac.update(format!("referral:{}", member.0).as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .take(CODE_LEN)
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect()
}

/// A code as typed: upper case, if it could be one.
#[must_use]
pub fn normalize(text: &str) -> Option<String> {
    let code = text.trim().to_ascii_uppercase();
    (code.len() == CODE_LEN && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// Why an arrival is not recorded as a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReferred {
    /// The member's own code.
    Themselves,
    /// Already referred (by this code or another): the first one stands.
    Already,
    /// In the community for longer than [`NEW_WITHIN`].
    NotNew,
}

/// Whether `referred`, first seen at `first_seen`, is recorded as brought by `referrer` now.
pub fn may_refer(
    referrer: MemberId,
    referred: MemberId,
    first_seen: DateTime<Utc>,
    already: bool,
    now: DateTime<Utc>,
) -> Result<(), NotReferred> {
    if referrer == referred {
        return Err(NotReferred::Themselves);
    }
    if already {
        return Err(NotReferred::Already);
    }
    if now - first_seen > NEW_WITHIN {
        return Err(NotReferred::NotNew);
    }
    Ok(())
}

/// What becomes of a paid referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settlement {
    /// Within the hold: wait.
    Wait,
    /// The hold passed and the payment stands: the referrer is credited.
    Credit,
    /// The payment was refunded within the hold: nothing is earned.
    Reverse,
}

/// A referral whose member paid at `paid_at`, at `now`: credited once `hold` has passed, unless
/// the payment was refunded by then.
#[must_use]
pub fn settle(
    paid_at: DateTime<Utc>,
    hold: Duration,
    refunded: bool,
    now: DateTime<Utc>,
) -> Settlement {
    if now - paid_at < hold {
        Settlement::Wait
    } else if refunded {
        Settlement::Reverse
    } else {
        Settlement::Credit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn a_code_is_stable_per_member_and_secret_and_reads_back_in_any_case() {
        let code = code_for(b"secret", MemberId(7));
        assert_eq!(code, code_for(b"secret", MemberId(7)));
        assert_ne!(code, code_for(b"secret", MemberId(8)));
        assert_ne!(code, code_for(b"other", MemberId(7)));
        assert_eq!(normalize(&code.to_lowercase()), Some(code));
        assert_eq!(normalize("SHORT"), None);
        assert_eq!(normalize("ABCDEFG0"), None, "0 is not in codes");
    }

    #[test]
    fn a_newcomer_is_referred_once_and_never_by_themselves() {
        let (a, b) = (MemberId(1), MemberId(2));
        assert_eq!(may_refer(a, b, now(), false, now()), Ok(()));
        assert_eq!(
            may_refer(a, a, now(), false, now()),
            Err(NotReferred::Themselves)
        );
        assert_eq!(
            may_refer(a, b, now(), true, now()),
            Err(NotReferred::Already)
        );
        let old = now() - Duration::days(3);
        assert_eq!(may_refer(a, b, old, false, now()), Err(NotReferred::NotNew));
    }

    #[test]
    fn credit_waits_out_the_hold_and_a_refund_within_it_reverses() {
        let hold = Duration::days(14);
        let paid = now();
        assert_eq!(
            settle(paid, hold, false, paid + Duration::days(13)),
            Settlement::Wait
        );
        assert_eq!(
            settle(paid, hold, true, paid + Duration::days(13)),
            Settlement::Wait
        );
        assert_eq!(settle(paid, hold, false, paid + hold), Settlement::Credit);
        assert_eq!(settle(paid, hold, true, paid + hold), Settlement::Reverse);
    }
}
