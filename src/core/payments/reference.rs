//! The reference an invoice carries back with its payment: the member and the plan, signed
//! with the community's secret (HMAC-SHA256), so a payload edited to buy another plan or for
//! another member does not verify. Short enough for Telegram's 128-byte invoice payload.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::core::ids::MemberId;

/// Bytes of the MAC kept: 96 bits is far beyond guessing for a payment reference.
const MAC_BYTES: usize = 12;

/// Who pays for what, as signed into an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRef {
    pub member: MemberId,
    pub plan: String,
}

impl PaymentRef {
    /// `MEMBER.PLAN.MAC` (MAC as hex).
    #[must_use]
    pub fn sign(&self, secret: &[u8]) -> String {
        let body = format!("{}.{}", self.member.0, self.plan);
        format!("{body}.{}", hex(&mac(secret, &body)[..MAC_BYTES]))
    }

    /// The reference in `payload`, if its MAC is right (compared in constant time).
    #[must_use]
    pub fn verify(payload: &str, secret: &[u8]) -> Option<Self> {
        let (body, tag) = payload.rsplit_once('.')?;
        let (member, plan) = body.split_once('.')?;
        let member: i64 = member.parse().ok()?;
        let tag = unhex(tag)?;
        let mut check = Hmac::<Sha256>::new_from_slice(secret).ok()?;
        check.update(body.as_bytes());
        check.verify_truncated_left(&tag).ok()?;
        (tag.len() == MAC_BYTES && !plan.is_empty()).then(|| Self {
            member: MemberId(member),
            plan: plan.to_owned(),
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

    fn reference() -> PaymentRef {
        PaymentRef {
            member: MemberId(42),
            plan: "pro-month".into(),
        }
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
