//! Course certificates: how an id is written (80 random bits as sixteen letters and digits in
//! four groups, none that read alike: not guessable, easy to read out), the name a member may
//! have printed, and what the public page may say of one: the facts printed on it and whether
//! it stands, nothing else of the member.

use chrono::{DateTime, Utc};

use crate::grouped_code::{grouped, read};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Letters of an id: no 0/O or 1/I to misread (Crockford's base 32 without U).
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTVWXYZ023456789";

/// Random bytes an id is made from: 80 bits.
pub const ID_BYTES: usize = 10;

/// The longest name printed, in characters.
pub const NAME_MAX_CHARS: usize = 64;

/// `bytes` as an id: 80 bits in sixteen characters of five bits each, `ABCD-EFGH-JKLM-NPQR`.
#[must_use]
pub fn written(bytes: [u8; ID_BYTES]) -> String {
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(b);
    }
    let letters: Vec<u8> = (0..16)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 0x1f) as usize])
        .collect();
    grouped(&letters)
}

/// An id as typed or linked (any case, with or without dashes), written as stored.
#[must_use]
pub fn normalize(text: &str) -> Option<String> {
    read(text, 16, ALPHABET)
}

/// Why a name cannot be printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadName;

/// The name to print as asked for: trimmed, something a reader can see, at most
/// `NAME_MAX_CHARS`, no control characters and no invisible formatting (a right-to-left
/// override would make a document an employer reads say something else than it stores); the
/// joiners emoji and some scripts need are kept.
pub fn printed_name(raw: &str) -> Result<String, BadName> {
    let name = raw.trim();
    let hidden = |c: char| {
        c.general_category() == GeneralCategory::Format && !matches!(c, '\u{200c}' | '\u{200d}')
    };
    if crate::names::is_blank(name)
        || name.chars().count() > NAME_MAX_CHARS
        || name.chars().any(|c| c.is_control() || hidden(c))
    {
        return Err(BadName);
    }
    Ok(name.to_owned())
}

/// A certificate as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub id: String,
    pub name: String,
    pub course_title: String,
    pub finished_at: DateTime<Utc>,
    pub revoked: Option<Revoked>,
}

/// When and why an operator revoked one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revoked {
    pub at: DateTime<Utc>,
    pub reason: String,
}

/// What the public page says: the printed facts and whether the certificate stands. An erased
/// member's certificates are gone, so the page says "not found", never "revoked".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Valid,
    Revoked(Revoked),
}

impl Certificate {
    #[must_use]
    pub fn standing(&self) -> Standing {
        match &self.revoked {
            Some(revoked) => Standing::Revoked(revoked.clone()),
            None => Standing::Valid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_eighty_bits_written_to_read_out_and_read_back_however_typed() {
        let id = written([0xff; ID_BYTES]);
        assert_eq!(id, "9999-9999-9999-9999");
        let id = written([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert_eq!(id.len(), 19);
        assert_eq!(
            normalize(&id.to_lowercase().replace('-', "")),
            Some(id.clone())
        );
        assert_ne!(
            written([0; ID_BYTES]),
            written([0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        );
        assert_eq!(normalize("ABCD-EFGH"), None);
        assert_eq!(
            normalize("ABCD-EFGH-JKLM-NPQU"),
            None,
            "U is not a letter of ids"
        );
    }

    #[test]
    fn a_printed_name_is_visible_and_bounded() {
        assert_eq!(printed_name(" Ada Lovelace "), Ok("Ada Lovelace".into()));
        assert_eq!(printed_name("张伟"), Ok("张伟".into()));
        assert_eq!(printed_name("\u{200b}"), Err(BadName));
        assert_eq!(printed_name(&"a".repeat(65)), Err(BadName));
        assert_eq!(
            printed_name("\u{202e}evil"),
            Err(BadName),
            "no right-to-left override"
        );
        assert_eq!(
            printed_name("Ann \u{200b}Lee"),
            Err(BadName),
            "nothing invisible"
        );
        assert_eq!(
            printed_name("👩\u{200d}💻 Ann"),
            Ok("👩\u{200d}💻 Ann".into())
        );
    }
}
