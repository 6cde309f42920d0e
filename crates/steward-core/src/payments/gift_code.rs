//! Gift codes: how one is written (twelve letters and digits in three groups, none that read
//! alike) and whether it may be redeemed now. The letters come from the engine's random source.

use chrono::{DateTime, Utc};

use crate::grouped_code::{grouped, read};

/// Letters of a code: no 0/O or 1/I to misread.
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Random bytes a code is made from, one per character.
pub const CODE_BYTES: usize = 12;

/// `bytes` as a code: `ABCD-EFGH-JKLM`.
#[must_use]
pub fn written(bytes: [u8; CODE_BYTES]) -> String {
    let letters: Vec<u8> = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()])
        .collect();
    grouped(&letters)
}

/// A code as typed (any case, with or without its dashes), written as stored.
#[must_use]
pub fn normalize(text: &str) -> Option<String> {
    read(text, CODE_BYTES, ALPHABET)
}

/// A code as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiftCode {
    pub plan: String,
    pub expires_at: DateTime<Utc>,
    pub redeemed: bool,
    /// Its payment was refunded.
    pub refunded: bool,
}

/// Why a code is not redeemed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRedeemed {
    Redeemed,
    Expired,
    Refunded,
}

impl GiftCode {
    /// Whether it may be redeemed at `now`.
    pub fn may_redeem(&self, now: DateTime<Utc>) -> Result<(), NotRedeemed> {
        if self.redeemed {
            Err(NotRedeemed::Redeemed)
        } else if self.refunded {
            Err(NotRedeemed::Refunded)
        } else if now > self.expires_at {
            Err(NotRedeemed::Expired)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    #[test]
    fn a_code_is_three_groups_and_reads_back_however_typed() {
        let code = written([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 31]);
        assert_eq!(code, "ABCD-EFGH-JKL9");
        assert_eq!(normalize("abcdefghjkl9"), Some(code.clone()));
        assert_eq!(normalize(" abcd-efgh-jkl9 "), Some(code));
        assert_eq!(normalize("ABCD-EFGH-JKL0"), None);
        assert_eq!(normalize("ABCD"), None);
    }

    #[test]
    fn a_code_is_redeemed_once_before_it_expires_unless_refunded() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let code = GiftCode {
            plan: "pro-month".into(),
            expires_at: now + Duration::days(1),
            redeemed: false,
            refunded: false,
        };
        assert_eq!(code.may_redeem(now), Ok(()));
        assert_eq!(
            code.may_redeem(now + Duration::days(2)),
            Err(NotRedeemed::Expired)
        );
        let used = GiftCode {
            redeemed: true,
            ..code.clone()
        };
        assert_eq!(used.may_redeem(now), Err(NotRedeemed::Redeemed));
        let refunded = GiftCode {
            refunded: true,
            ..code
        };
        assert_eq!(refunded.may_redeem(now), Err(NotRedeemed::Refunded));
    }
}
