//! The card's text helpers: XML escaping, avatar initials, truncation to a width budget and
//! digit grouping. Pure functions over strings; nothing here knows the template or fonts.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Escapes `text` for an SVG text node or a quoted attribute. Names come from members, so
/// anything short of this lets a name add elements or attributes to the card.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters and U+FFFE/U+FFFF even as references;
            // a name carrying one must not make the whole card fail to parse. C1 controls are
            // legal XML but draw nothing worth keeping.
            c if !is_xml_char(c) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) => {}
            c => out.push(c),
        }
    }
    out
}

/// XML 1.0's `Char` production: `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
/// [#x10000-#x10FFFF]` (a `char` is never a surrogate, so the gap at U+D800 needs no arm).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Avatar initials for a display name: the first grapheme of the first and last words when
/// the script has letter case ("Ada Lovelace" -> "AL"), otherwise the first grapheme alone
/// ("张伟" -> "张", "🦀 Ferris" -> "🦀", Arabic -> its first letter). Graphemes, not chars, so
/// a flag or a family emoji stays whole. "?" when the name has nothing usable.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.iter().find_map(|w| lead_grapheme(w)) else {
        return "?".to_owned();
    };
    if !is_cased(first) {
        return first.to_owned();
    }
    let last = words
        .iter()
        .skip(1)
        .rev()
        .find_map(|w| lead_grapheme(w))
        .filter(|g| is_cased(g));
    let mut out = first.to_uppercase();
    if let Some(last) = last {
        out.push_str(&last.to_uppercase());
    }
    out
}

/// The first grapheme of `word` worth showing: leading punctuation ("@bob", "(x)") is skipped,
/// but a word that is only symbols (an emoji) gives its first symbol.
fn lead_grapheme(word: &str) -> Option<&str> {
    word.graphemes(true)
        .find(|g| g.chars().next().is_some_and(char::is_alphanumeric))
        .or_else(|| {
            word.graphemes(true)
                .find(|g| !g.chars().all(|c| c.is_ascii_punctuation()))
        })
}

/// Whether the grapheme starts with a letter that has case (Latin, Cyrillic, Greek...).
fn is_cased(grapheme: &str) -> bool {
    grapheme
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_lowercase())
}

/// Display columns of `text`: a CJK character or an emoji is about twice as wide as a Latin
/// letter at the same font size, so budgets count columns rather than characters.
pub fn columns(text: &str) -> usize {
    text.graphemes(true).map(grapheme_columns).sum()
}

fn grapheme_columns(grapheme: &str) -> usize {
    grapheme.width().clamp(1, 2)
}

/// Cuts `text` to at most `max_columns` display columns, ending in "…" when cut. Cuts between
/// graphemes so no emoji sequence or accented letter is split.
pub fn truncate(text: &str, max_columns: usize) -> String {
    let text = text.trim();
    if columns(text) <= max_columns {
        return text.to_owned();
    }
    let budget = max_columns.saturating_sub(1); // the ellipsis takes one column
    let mut used = 0;
    let mut out = String::new();
    for grapheme in text.graphemes(true) {
        used += grapheme_columns(grapheme);
        if used > budget {
            break;
        }
        out.push_str(grapheme);
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// `1234567` with `separator` "," -> "1,234,567". The caller passes the separator of the
/// member's language.
pub fn group_digits(value: i64, separator: &str) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len() + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            escape_xml("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&apos;"
        );
        assert_eq!(escape_xml("a\u{0}b\u{1b}c"), "abc");
        assert_eq!(escape_xml("张伟 🦀"), "张伟 🦀");
    }

    #[test]
    fn initials_follow_the_script() {
        assert_eq!(initials("Ada Lovelace"), "AL");
        assert_eq!(initials("ferris"), "F");
        assert_eq!(initials("  @bob  the-builder "), "BT");
        assert_eq!(initials("张伟"), "张");
        assert_eq!(initials("张 Wei"), "张");
        assert_eq!(initials("🦀 Ferris"), "🦀");
        assert_eq!(initials("👨‍👩‍👧 family"), "👨‍👩‍👧");
        assert_eq!(initials("محمد علي"), "م");
        assert_eq!(initials("élodie durand"), "ÉD");
        assert_eq!(initials(""), "?");
        assert_eq!(initials("..."), "?");
    }

    #[test]
    fn truncation_counts_columns_and_keeps_graphemes() {
        assert_eq!(truncate("Short", 10), "Short");
        assert_eq!(truncate("A rather long display name", 10), "A rather…");
        // Ten CJK characters are twenty columns.
        assert_eq!(truncate("一二三四五六七八九十", 10), "一二三四…");
        let flags = "🇨🇳🇫🇷🇩🇪🇯🇵🇧🇷🇮🇳";
        let cut = truncate(flags, 7);
        assert_eq!(cut, "🇨🇳🇫🇷🇩🇪…");
    }

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(0, ","), "0");
        assert_eq!(group_digits(999, ","), "999");
        assert_eq!(group_digits(1234, ","), "1,234");
        assert_eq!(group_digits(1_234_567, "\u{a0}"), "1\u{a0}234\u{a0}567");
        assert_eq!(group_digits(-2000, "."), "-2.000");
        assert_eq!(group_digits(i64::MIN, ","), "-9,223,372,036,854,775,808");
    }
}
