//! The reference an invoice carries back with its payment: the member, the plan, when it was
//! issued and the promo code it was issued with (if any), signed with the community's secret (HMAC-SHA256), so a payload edited to buy
//! another plan or for another member does not verify, and an old or copied one cannot start a
//! new purchase (`is_fresh`). Short enough for Telegram's 128-byte invoice payload.

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::ids::MemberId;

/// Bytes of the MAC kept: 96 bits is far beyond guessing for a payment reference.
const MAC_BYTES: usize = 12;

/// How long a reference may start a purchase: a week, for an invoice link opened late. A
/// subscription's renewals carry its first reference and are not held to it.
pub const REFERENCE_LIFETIME_DAYS: i64 = 7;

/// Issue times are whole multiples of this many seconds, so references asked for moments apart
/// are the same (a provider's idempotent checkout sees one request).
const ISSUED_STEP_SECS: i64 = 600;

/// Who pays for what, as signed into an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRef {
    pub member: MemberId,
    pub plan: String,
    /// When it was issued; `None` for references made before they carried it.
    pub issued: Option<DateTime<Utc>>,
    /// The promo code the price was set by (upper case, see `promo::normalize_code`).
    pub promo: Option<String>,
    /// Bought by another member for `member`: a gift.
    pub gift: Option<GiftFrom>,
    /// The team whose seats it pays for (`member` is its manager).
    pub team: Option<i64>,
}

/// Who gave a gift, and whether the recipient may be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GiftFrom {
    pub giver: MemberId,
    pub anonymous: bool,
}

impl GiftFrom {
    /// `~ID` (named) or `!ID` (anonymous): neither mark is a promo code's character.
    fn written(self) -> String {
        let mark = if self.anonymous { '!' } else { '~' };
        format!("{mark}{}", self.giver.0)
    }

    fn read(part: &str) -> Option<Self> {
        let (anonymous, id) = match part.split_at_checked(1)? {
            ("~", id) => (false, id),
            ("!", id) => (true, id),
            _ => return None,
        };
        Some(Self {
            giver: MemberId(id.parse().ok()?),
            anonymous,
        })
    }
}

impl PaymentRef {
    /// A reference issued at `now`.
    #[must_use]
    pub fn new(member: MemberId, plan: &str, now: DateTime<Utc>) -> Self {
        let secs = now.timestamp().div_euclid(ISSUED_STEP_SECS) * ISSUED_STEP_SECS;
        Self {
            member,
            plan: plan.to_owned(),
            issued: DateTime::from_timestamp(secs, 0),
            promo: None,
            gift: None,
            team: None,
        }
    }

    /// Whether it buys a gift code rather than time for `member`: a gift whose giver is the
    /// member it names (a gift to oneself is refused, so this cannot be one).
    #[must_use]
    pub fn is_gift_code(&self) -> bool {
        self.gift.is_some_and(|g| g.giver == self.member)
    }

    /// The same reference, a gift from `giver`.
    #[must_use]
    pub fn as_gift(self, giver: GiftFrom) -> Self {
        Self {
            gift: Some(giver),
            ..self
        }
    }

    /// The same reference, paying for `team`'s seats.
    #[must_use]
    pub fn for_team(self, team: i64) -> Self {
        Self {
            team: Some(team),
            ..self
        }
    }

    /// The same reference, issued with `promo`.
    #[must_use]
    pub fn with_promo(self, promo: &str) -> Self {
        Self {
            promo: Some(promo.to_owned()),
            ..self
        }
    }

    /// `MEMBER.PLAN.ISSUED[.PROMO][.~GIVER|.!GIVER][.#TEAM].MAC` (ISSUED in Unix seconds, MAC as hex).
    #[must_use]
    pub fn sign(&self, secret: &[u8]) -> String {
        let mut body = format!("{}.{}", self.member.0, self.plan);
        if let Some(issued) = self.issued {
            body = format!("{body}.{}", issued.timestamp());
            if let Some(promo) = &self.promo {
                body = format!("{body}.{promo}");
            }
            if let Some(gift) = self.gift {
                body = format!("{body}.{}", gift.written());
            }
            if let Some(team) = self.team {
                body = format!("{body}.#{team}");
            }
        }
        format!("{body}.{}", hex(&mac(secret, &body)[..MAC_BYTES]))
    }

    /// The reference in `payload`, if its MAC is right (compared in constant time).
    #[must_use]
    pub fn verify(payload: &str, secret: &[u8]) -> Option<Self> {
        let (body, tag) = payload.rsplit_once('.')?;
        let mut parts = body.split('.');
        let member: i64 = parts.next()?.parse().ok()?;
        let plan = parts.next()?;
        let issued = match parts.next() {
            Some(secs) => Some(DateTime::from_timestamp(secs.parse().ok()?, 0)?),
            None => None,
        };
        let mut promo = None;
        let mut gift = None;
        let mut team = None;
        for part in parts {
            if team.is_some() {
                return None;
            }
            if let Some(id) = part.strip_prefix('#') {
                team = Some(id.parse::<i64>().ok()?);
                continue;
            }
            match GiftFrom::read(part) {
                Some(from) if gift.is_none() => gift = Some(from),
                None if promo.is_none() && gift.is_none() && !part.is_empty() => {
                    promo = Some(part.to_owned());
                }
                _ => return None,
            }
        }
        if issued.is_none() && (promo.is_some() || gift.is_some() || team.is_some()) {
            return None;
        }
        let tag = unhex(tag)?;
        let mut check = Hmac::<Sha256>::new_from_slice(secret).ok()?;
        check.update(body.as_bytes());
        check.verify_truncated_left(&tag).ok()?;
        (tag.len() == MAC_BYTES && !plan.is_empty()).then(|| Self {
            member: MemberId(member),
            plan: plan.to_owned(),
            issued,
            promo,
            gift,
            team,
        })
    }

    /// Whether it may start a purchase at `now`: issued within the last week (not ahead of
    /// `now` by more than a clock's skew), and not from before references carried a date.
    #[must_use]
    pub fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        self.issued.is_some_and(|issued| {
            issued <= now + Duration::minutes(5)
                && now - issued <= Duration::days(REFERENCE_LIFETIME_DAYS)
        })
    }
}

fn mac(secret: &[u8], body: &str) -> Vec<u8> {
    // Hmac accepts a key of any length, so this cannot fail.
    let mut m = Hmac::<Sha256>::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
    m.update(body.as_bytes());
    m.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"community secret";

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + day * 86_400, 0).unwrap()
    }

    fn reference() -> PaymentRef {
        PaymentRef::new(MemberId(42), "pro-month", at(0))
    }

    #[test]
    fn a_reference_starts_a_purchase_for_a_week_and_a_dateless_one_never() {
        let payload = reference().sign(SECRET);
        let back = PaymentRef::verify(&payload, SECRET).unwrap();
        assert!(back.is_fresh(at(6)));
        assert!(!back.is_fresh(at(8)));
        assert!(!back.is_fresh(at(-1)));
        let dateless = PaymentRef {
            issued: None,
            ..reference()
        };
        let old = PaymentRef::verify(&dateless.sign(SECRET), SECRET).unwrap();
        assert_eq!(old.issued, None);
        assert!(!old.is_fresh(at(0)));
        // A date moved later no longer verifies.
        let later = payload.replacen(".1800000000.", ".1800600000.", 1);
        assert_eq!(PaymentRef::verify(&later, SECRET), None);
    }

    #[test]
    fn a_promo_is_signed_in_and_cannot_be_added_or_changed() {
        let with = reference().with_promo("SPRING-25");
        let payload = with.sign(SECRET);
        assert!(payload.len() <= 128, "{payload}");
        assert_eq!(PaymentRef::verify(&payload, SECRET), Some(with));
        let changed = payload.replacen(".SPRING-25.", ".WINTER-90.", 1);
        assert_eq!(PaymentRef::verify(&changed, SECRET), None);
        let plain = reference().sign(SECRET);
        let (body, tag) = plain.rsplit_once('.').unwrap();
        assert_eq!(
            PaymentRef::verify(&format!("{body}.SPRING-25.{tag}"), SECRET),
            None
        );
    }

    #[test]
    fn a_gift_names_its_giver_signed_in_and_an_anonymous_one_says_so() {
        let from = GiftFrom {
            giver: MemberId(7),
            anonymous: true,
        };
        let gift = reference().with_promo("SPRING").as_gift(from);
        let payload = gift.sign(SECRET);
        assert!(payload.len() <= 128, "{payload}");
        assert_eq!(PaymentRef::verify(&payload, SECRET), Some(gift));
        let named = payload.replacen(".!7.", ".~7.", 1);
        assert_eq!(PaymentRef::verify(&named, SECRET), None);
        let other = payload.replacen(".!7.", ".!8.", 1);
        assert_eq!(PaymentRef::verify(&other, SECRET), None);
    }

    #[test]
    fn a_team_is_signed_in_and_cannot_be_swapped() {
        let team = reference().for_team(123_456);
        let payload = team.sign(SECRET);
        assert!(payload.len() <= 128, "{payload}");
        assert_eq!(PaymentRef::verify(&payload, SECRET), Some(team));
        let other = payload.replacen(".#123456.", ".#123457.", 1);
        assert_eq!(PaymentRef::verify(&other, SECRET), None);
    }

    #[test]
    fn a_signed_reference_verifies_and_fits_an_invoice() {
        let payload = reference().sign(SECRET);
        assert!(payload.len() <= 128, "{payload}");
        assert_eq!(PaymentRef::verify(&payload, SECRET), Some(reference()));
    }

    #[test]
    fn an_edited_reference_or_another_secret_does_not_verify() {
        let payload = reference().sign(SECRET);
        let other_plan = payload.replacen("pro-month", "vip-year", 1);
        let other_member = payload.replacen("42.", "43.", 1);
        for forged in [
            other_plan,
            other_member,
            format!("{payload}0"),
            "42.pro".into(),
        ] {
            assert_eq!(PaymentRef::verify(&forged, SECRET), None, "{forged}");
        }
        assert_eq!(PaymentRef::verify(&payload, b"another secret"), None);
    }
}
