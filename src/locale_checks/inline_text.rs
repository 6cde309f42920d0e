//! No reply text is written inline: the code that reaches members and operators in chat is
//! scanned for string literals that read as prose, which belong in the locale files.

use std::path::{Path, PathBuf};

use super::files_under;

/// Source files whose text reaches members or operators in chat; their test modules excluded.
pub(super) fn reply_code() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        "crates/steward-core/src",
        "crates/steward-engine/src",
        "crates/steward-console/src",
        "crates/steward-telegram/src",
        "crates/steward-discord/src",
        "crates/steward-web/src",
        "crates/steward-stripe/src",
        "src/adapters",
    ]
    .iter()
    .flat_map(|dir| files_under(&root.join(dir), "rs"))
    .filter(|path| {
        let name = path.file_name().expect("named").to_string_lossy();
        name != "tests.rs" && !path.components().any(|c| c.as_os_str() == "tests")
    })
    .map(|path| {
        let text = std::fs::read_to_string(&path).expect("readable source");
        let code = match text.find("#[cfg(test)]") {
            Some(at) => text[..at].to_owned(),
            None => text,
        };
        (path, code)
    })
    .collect()
}

/// String literals of `code` with their line, outside the spans `skip` names: logs, error
/// attributes that never reach a member, and what a test lists as not user-facing.
fn literals(code: &str) -> Vec<(usize, String)> {
    // Logs and metric help texts are for whoever runs the bot, in English like the CLI.
    const SKIP_CALLS: [&str; 12] = [
        "tracing::",
        "registry.register(",
        "#[error(",
        "#[allow(",
        "#[expect(",
        ".during(",
        ".expect(",
        "panic!(",
        "unreachable!(",
        "debug_assert",
        "assert!(",
        "#[doc",
    ];
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let (mut i, mut depth_skip, mut depth) = (0, None::<usize>, 0usize);
    while i < bytes.len() {
        let rest = &code[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
            continue;
        }
        // `// not translated: why` at the end of a line exempts that line's literals (a name
        // a platform matches on, such as Discord's default message-command name).
        if code[..i].ends_with('\n') {
            let line = rest.split('\n').next().unwrap_or_default();
            if line.contains("// not translated:") {
                i += line.len();
                continue;
            }
        }
        if depth_skip.is_none() && SKIP_CALLS.iter().any(|call| rest.starts_with(call)) {
            depth_skip = Some(depth);
        }
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth_skip == Some(depth) {
                    depth_skip = None;
                }
            }
            b'\''
                if rest.len() >= 3 && (rest.as_bytes()[2] == b'\'' || rest.starts_with("'\\")) =>
            {
                // A char literal such as '"' or '\'' must not open a string.
                i += rest[1..].find('\'').map_or(1, |end| end + 2);
                continue;
            }
            b'"' => {
                let mut end = i + 1;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                if depth_skip.is_none() {
                    let line = code[..i].matches('\n').count() + 1;
                    found.push((line, code[i + 1..end.min(bytes.len())].to_owned()));
                }
                i = end + 1;
                continue;
            }
            _ => {}
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Text a person would read: two words in a row, or any CJK character. Format placeholders
/// (`{name}`) are not words.
fn reads_as_prose(literal: &str) -> bool {
    let mut outside = String::with_capacity(literal.len());
    let mut depth = 0usize;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let literal = outside.as_str();
    let words = literal
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\''))
        .count();
    let spaced = literal.contains(' ');
    (words >= 2 && spaced)
        || literal
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn no_reply_text_is_written_inline() {
    let mut inline = Vec::new();
    for (path, code) in reply_code() {
        for (line, literal) in literals(&code) {
            if reads_as_prose(&literal) {
                inline.push(format!("{}:{line}: \"{literal}\"", path.display()));
            }
        }
    }
    assert!(
        inline.is_empty(),
        "user-facing text belongs in locales/*.ftl:\n{}",
        inline.join("\n")
    );
}

#[test]
fn the_scanner_finds_a_reply_written_inline() {
    let code = "fn f() { tracing::info!(\"a log line here\"); reply(\"You have no points\") }";
    let prose: Vec<_> = literals(code)
        .into_iter()
        .filter(|(_, l)| reads_as_prose(l))
        .collect();
    assert_eq!(prose, vec![(1, "You have no points".to_owned())]);
}
