//! Stripe's webhook signature. `Stripe-Signature: t=TIME,v1=HEX[,v1=HEX…]` carries an
//! HMAC-SHA256 of `TIME.BODY` under the endpoint's signing secret. Every `v1` is tried (Stripe
//! sends two while a secret is rolled), each compared in constant time, and a time more than
//! five minutes from now is refused, so a captured delivery cannot be replayed later (and a
//! fresh time does not match the old signature).

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// How far the signed time may be from now.
pub const TOLERANCE_SECS: i64 = 300;

/// Why a delivery was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("no Stripe-Signature header")]
    Missing,
    #[error("the Stripe-Signature header has no t= time or no v1= signature")]
    Malformed,
    #[error("no v1 signature matches the body")]
    Mismatch,
    #[error("the signed time is more than {TOLERANCE_SECS} s from now")]
    Stale,
}

/// The signature for `body` signed at `time`, as hex.
#[must_use]
pub fn sign(secret: &[u8], time: i64, body: &[u8]) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        // Unreachable: HMAC takes keys of any length.
        return String::new();
    };
    mac.update(time.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks a delivery's `Stripe-Signature` header against its raw body at `now` (Unix seconds).
pub fn verify(
    header: Option<&str>,
    body: &[u8],
    secret: &[u8],
    now: i64,
) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let mut time = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => time = t.parse::<i64>().ok(),
            Some(("v1", v1)) => signatures.push(v1),
            _ => {}
        }
    }
    let time = time.ok_or(SignatureError::Malformed)?;
    if signatures.is_empty() {
        return Err(SignatureError::Malformed);
    }
    let expected = sign(secret, time, body);
    let matched = signatures.iter().fold(false, |found, v1| {
        found | bool::from(expected.as_bytes().ct_eq(v1.as_bytes()))
    });
    if !matched {
        return Err(SignatureError::Mismatch);
    }
    if (now - time).abs() > TOLERANCE_SECS {
        return Err(SignatureError::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"whsec_test";
    const BODY: &[u8] = br#"{"id":"evt_1"}"#;
    const NOW: i64 = 1_800_000_000;

    fn header(time: i64, sigs: &[&str]) -> String {
        let mut h = format!("t={time}");
        for s in sigs {
            h.push_str(&format!(",v1={s}"));
        }
        h
    }

    #[test]
    fn a_signed_delivery_passes_with_any_of_its_v1_signatures() {
        let good = sign(SECRET, NOW, BODY);
        let other = sign(b"whsec_old", NOW, BODY);
        assert_eq!(
            verify(Some(&header(NOW, &[&good])), BODY, SECRET, NOW),
            Ok(())
        );
        assert_eq!(
            verify(Some(&header(NOW, &[&other, &good])), BODY, SECRET, NOW + 10),
            Ok(())
        );
        // A v0 (test-mode scheme) beside it is ignored.
        let with_v0 = format!("{},v0=abc", header(NOW, &[&good]));
        assert_eq!(verify(Some(&with_v0), BODY, SECRET, NOW), Ok(()));
    }

    #[test]
    fn a_changed_body_a_new_time_or_another_secret_is_refused() {
        let good = sign(SECRET, NOW, BODY);
        assert_eq!(
            verify(
                Some(&header(NOW, &[&good])),
                br#"{"id":"evt_2"}"#,
                SECRET,
                NOW
            ),
            Err(SignatureError::Mismatch)
        );
        // Replayed later with a fresh time but the old signature.
        assert_eq!(
            verify(Some(&header(NOW + 600, &[&good])), BODY, SECRET, NOW + 600),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(Some(&header(NOW, &[&good])), BODY, b"whsec_other", NOW),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn an_old_or_malformed_signature_is_refused() {
        let good = sign(SECRET, NOW, BODY);
        assert_eq!(
            verify(Some(&header(NOW, &[&good])), BODY, SECRET, NOW + 301),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify(Some(&header(NOW, &[&good])), BODY, SECRET, NOW - 301),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify(None, BODY, SECRET, NOW),
            Err(SignatureError::Missing)
        );
        assert_eq!(
            verify(Some(&format!("v1={good}")), BODY, SECRET, NOW),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(Some(&header(NOW, &[])), BODY, SECRET, NOW),
            Err(SignatureError::Malformed)
        );
    }
}
