//! Codes read aloud and typed back: letters from an alphabet without look-alikes, written in
//! groups of four joined by dashes (`ABCD-EFGH-JKLM`), read back in any case with or without
//! the dashes. Gift codes and certificate ids are written this way.

/// `letters` in groups of four joined by dashes.
#[must_use]
pub fn grouped(letters: &[u8]) -> String {
    letters
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed, written as stored, if it has `len` letters all from `alphabet`.
#[must_use]
pub fn read(text: &str, len: usize, alphabet: &[u8]) -> Option<String> {
    let letters: Vec<u8> = text
        .trim()
        .bytes()
        .filter(|b| *b != b'-')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    let fits = letters.len() == len && letters.iter().all(|b| alphabet.contains(b));
    fits.then(|| grouped(&letters))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_however_it_was_typed() {
        assert_eq!(grouped(b"ABCDEFGHJK"), "ABCD-EFGH-JK");
        assert_eq!(
            read(" abcd-efgh ", 8, b"ABCDEFGH"),
            Some("ABCD-EFGH".into())
        );
        assert_eq!(read("abcdefg", 8, b"ABCDEFGH"), None);
        assert_eq!(read("abcdefgz", 8, b"ABCDEFGH"), None);
    }
}
