//! Links to a drop's file on the web side, for a file too big to upload to a platform: signed
//! with the community's secret (no one can make a link to another file) and good until a time
//! (a link forwarded out of the community stops working). Whoever opens one must still be
//! allowed to see the drop: the link only says which file.

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How long a link sent with a drop stays good.
pub const LINK_VALID_FOR: Duration = Duration::days(30);

/// One file of one drop, until a time: what a link names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaLink {
    pub drop_id: i64,
    pub position: i64,
    /// Unix seconds after which the link is refused.
    pub expires: i64,
}

fn mac(secret: &[u8], link: &MediaLink) -> Hmac<Sha256> {
    // Hmac accepts a key of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
    mac.update(format!("media:{}:{}:{}", link.drop_id, link.position, link.expires).as_bytes());
    mac
}

impl MediaLink {
    /// A link to file `position` of drop `drop_id`, made at `now`.
    #[must_use]
    pub fn new(drop_id: i64, position: i64, now: DateTime<Utc>) -> Self {
        Self {
            drop_id,
            position,
            expires: (now + LINK_VALID_FOR).timestamp(),
        }
    }

    /// The link's signature, in lowercase hex.
    #[must_use]
    pub fn signature(&self, secret: &[u8]) -> String {
        mac(secret, self)
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The path and query on the web side: `/media/DROP/POSITION?exp=…&sig=…`.
    #[must_use]
    pub fn path(&self, secret: &[u8]) -> String {
        format!(
            "/media/{}/{}?exp={}&sig={}",
            self.drop_id,
            self.position,
            self.expires,
            self.signature(secret)
        )
    }

    /// Whether `signature` is this link's (compared in constant time) and it is still good at
    /// `now`.
    #[must_use]
    pub fn holds(&self, secret: &[u8], signature: &str, now: DateTime<Utc>) -> bool {
        let Some(bytes) = from_hex(signature) else {
            return false;
        };
        now.timestamp() <= self.expires && mac(secret, self).verify_slice(&bytes).is_ok()
    }
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).expect("a time")
    }

    #[test]
    fn a_link_holds_for_its_file_until_it_expires() {
        let link = MediaLink::new(7, 0, at(1_000));
        let signature = link.signature(b"secret");
        assert!(link.holds(b"secret", &signature, at(1_000)));
        assert!(link.holds(b"secret", &signature, at(link.expires)));
        assert!(!link.holds(b"secret", &signature, at(link.expires + 1)));
    }

    #[test]
    fn a_signature_does_not_open_another_file_time_or_community() {
        let link = MediaLink::new(7, 0, at(1_000));
        let signature = link.signature(b"secret");
        let other_file = MediaLink {
            position: 1,
            ..link
        };
        let other_drop = MediaLink { drop_id: 8, ..link };
        let longer = MediaLink {
            expires: link.expires + 86_400,
            ..link
        };
        for forged in [other_file, other_drop, longer] {
            assert!(!forged.holds(b"secret", &signature, at(1_000)));
        }
        assert!(!link.holds(b"other", &signature, at(1_000)));
        assert!(!link.holds(b"secret", "zz", at(1_000)));
        assert!(!link.holds(b"secret", "", at(1_000)));
        assert!(!link.holds(b"secret", "é", at(1_000)));
    }
}
