//! Display names as Steward keeps and shows them. A platform passes on whatever a person typed
//! as their name, including characters that draw nothing but change what is around them: a
//! U+202E RIGHT-TO-LEFT OVERRIDE shows "\u{202E}nimda" as "admin" on the rank card, the web
//! pages and every board, so one member can pass for another. Those go before a name is stored.
//! The same characters alone make a text that looks empty: [`is_blank`] tells.

use std::borrow::Cow;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// ZERO WIDTH JOINER: a format character, but emoji sequences (👨‍💻, 🏳️‍🌈) are joined by it.
const ZWJ: char = '\u{200D}';
/// WAVING BLACK FLAG: the base of a subdivision flag (🏴 + tag letters + CANCEL TAG).
const BLACK_FLAG: char = '\u{1F3F4}';
/// Tag characters, format characters that spell a subdivision flag after [`BLACK_FLAG`].
const TAGS: std::ops::RangeInclusive<char> = '\u{E0020}'..='\u{E007F}';

/// Letters and symbols that draw nothing, known for passing as text that is not there: the
/// Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the blank Braille pattern (U+2800).
const FILLERS: [char; 5] = ['\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}', '\u{2800}'];

/// `name` without invisible format characters (Unicode general category Cf): the bidi controls
/// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width spaces and word joiners
/// (U+200B, U+2060, U+FEFF), soft hyphens and the like. Two are kept where emoji need them:
/// U+200D (ZWJ) everywhere, and tag characters right after a black flag or another tag. Borrows
/// `name` when there is nothing to take out, as for almost every name.
#[must_use]
pub fn clean_display_name(name: &str) -> Cow<'_, str> {
    if !name.chars().any(|c| c != ZWJ && is_format(c)) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut previous = None;
    for c in name.chars() {
        let keep = match c {
            ZWJ => true,
            c if TAGS.contains(&c) => {
                previous.is_some_and(|p: char| p == BLACK_FLAG || TAGS.contains(&p))
            }
            c => !is_format(c),
        };
        if keep {
            out.push(c);
            previous = Some(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `text` draws nothing at all: only whitespace and invisible format characters. A line
/// of zero-width spaces passes `trim().is_empty()` yet would send, store or quote nothing a
/// reader can see; every required free text (a broadcast, a submission, a drop, feedback, a
/// reason) is refused or dropped when this says so.
#[must_use]
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || is_format(c) || FILLERS.contains(&c))
}

fn is_format(c: char) -> bool {
    c.general_category() == GeneralCategory::Format
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_of_invisible_characters_is_blank_and_one_visible_character_is_not() {
        for blank in [
            "",
            " \n\t",
            "\u{200B}\u{200B}",
            " \u{2060}\u{FEFF} ",
            "\u{3164}",
            "\u{2800}\u{202E}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["a", "\u{200B}hi", "👨\u{200D}💻", "好", "."] {
            assert!(!is_blank(text), "{text:?}");
        }
    }

    #[test]
    fn bidi_controls_and_invisible_characters_go() {
        for control in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{200B}', '\u{2060}',
            '\u{FEFF}', '\u{00AD}',
        ] {
            let name = format!("{control}ad{control}min{control}");
            assert_eq!(
                clean_display_name(&name),
                "admin",
                "U+{:04X}",
                control as u32
            );
        }
    }

    #[test]
    fn ordinary_names_and_emoji_sequences_stay_as_they_are() {
        for name in [
            "Ada Lovelace",
            "张伟",
            "محمد",
            "👨\u{200D}💻 dev",
            "🏳\u{FE0F}\u{200D}🌈",
            "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        ] {
            assert_eq!(clean_display_name(name), name);
        }
    }

    #[test]
    fn tag_characters_stay_only_in_a_flag() {
        let smuggled =
            "bob\u{E0061}\u{E0062} 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}";
        assert_eq!(
            clean_display_name(smuggled),
            "bob 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}"
        );
    }
}
