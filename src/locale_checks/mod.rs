//! The locale files against each other and against the code: every locale has every key with the
//! same arguments, every key the code names exists, and no reply text is written inline.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use crate::i18n::Lang;

mod catalog;
mod chinese_terms;
mod inline_text;

use inline_text::reply_code;

pub(crate) type Keys = BTreeMap<String, BTreeSet<String>>;

/// Marks a message reference among a message's variables until references are resolved.
const REFERENCE: &str = "->";

pub(crate) fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

pub(crate) fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable directory") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Every message of one locale folder with the variables it uses.
fn keys_of(locale: &Path) -> Keys {
    let mut keys = Keys::new();
    for file in files_under(locale, "ftl") {
        let text = std::fs::read_to_string(&file).expect("readable locale file");
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                for attribute in &message.attributes {
                    pattern_variables(&attribute.value, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(
                    keys.insert(id.clone(), variables).is_none(),
                    "{}: `{id}` is defined twice",
                    locale.display()
                );
            }
        }
    }
    resolve_references(&mut keys);
    keys
}

/// Replaces each reference to another message with that message's variables, transitively.
fn resolve_references(keys: &mut Keys) {
    // A cycle of references would never settle; Fluent refuses those at runtime anyway.
    for _ in 0..8 {
        let mut changed = false;
        let snapshot = keys.clone();
        for variables in keys.values_mut() {
            let references: Vec<String> = variables
                .iter()
                .filter_map(|v| v.strip_prefix(REFERENCE).map(str::to_owned))
                .collect();
            for reference in references {
                variables.remove(&format!("{REFERENCE}{reference}"));
                variables.extend(snapshot.get(&reference).cloned().unwrap_or_default());
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
    panic!("message references nest too deep or form a cycle");
}

fn pattern_variables(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for variant in variants {
                pattern_variables(&variant.value, into);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, into),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, into);
            }
            for named in &arguments.named {
                inline_variables(&named.value, into);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, into),
        // A referenced message sees the caller's variables: count its own as used here.
        ast::InlineExpression::MessageReference { id, .. } => {
            into.insert(format!("{REFERENCE}{}", id.name));
        }
        _ => {}
    }
}

/// Every locale folder's keys with the variables each uses: for tests elsewhere (the command
/// catalogue's keys are built from names, so the code scan below cannot see them).
pub(crate) fn all_locales() -> BTreeMap<String, Keys> {
    std::fs::read_dir(locales_dir())
        .expect("locales/ exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.is_dir())
        .map(|path| {
            let name = path
                .file_name()
                .expect("named")
                .to_string_lossy()
                .into_owned();
            (name, keys_of(&path))
        })
        .collect()
}

#[test]
fn every_locale_has_every_key_with_the_same_arguments() {
    let locales = all_locales();
    let english = locales.get("en").expect("the English locale exists");
    assert!(locales.len() >= 2, "en and zh-CN at least");
    let mut problems = Vec::new();
    for (name, keys) in &locales {
        for (key, variables) in english {
            match keys.get(key) {
                None => problems.push(format!("{name}: missing `{key}`")),
                Some(theirs) if theirs != variables => problems.push(format!(
                    "{name}: `{key}` uses {theirs:?}, English uses {variables:?}"
                )),
                Some(_) => {}
            }
        }
        for key in keys.keys().filter(|key| !english.contains_key(*key)) {
            problems.push(format!("{name}: `{key}` is not in English"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_locale_folder_is_compiled_in() {
    let folders = all_locales().into_keys().collect::<BTreeSet<_>>();
    let compiled = Lang::all().map(Lang::code).collect::<BTreeSet<_>>();
    assert_eq!(folders, compiled);
}

/// Keys the code names in `tr!`, `msg!` and `Msg::new`.
fn keys_in_code() -> BTreeSet<(String, String)> {
    let mut keys = BTreeSet::new();
    for (path, code) in reply_code() {
        for call in ["tr!(", "msg!(", "Msg::new("] {
            for (at, _) in code.match_indices(call) {
                // `include_str!(` ends in `tr!(` too.
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &code[at + call.len()..];
                let Some(open) = rest.find('"') else { continue };
                // `tr!(lang, "key"`: the key is the first literal, before any `(`.
                if rest[..open].contains('(') {
                    continue;
                }
                let Some(len) = rest[open + 1..].find('"') else {
                    continue;
                };
                keys.insert((
                    path.display().to_string(),
                    rest[open + 1..open + 1 + len].to_owned(),
                ));
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_names_exists_in_english() {
    let locales = all_locales();
    let english = locales.get("en").expect("the English locale exists");
    let missing: Vec<_> = keys_in_code()
        .into_iter()
        .filter(|(_, key)| !english.contains_key(key))
        .map(|(file, key)| format!("{file}: `{key}`"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys not in locales/en:\n{}",
        missing.join("\n")
    );
}

#[test]
fn rendering_fills_arguments_and_chooses_plural_forms_per_locale() {
    let zh = Lang::from_code("zh-CN").expect("zh-CN is compiled in");
    let en = Lang::default();
    assert_eq!(
        crate::tr!(en, "command-unknown", name = "foo"),
        "Unknown command /foo. Send /help to see what you can use."
    );
    assert!(crate::tr!(zh, "command-unknown", name = "foo").contains("/foo"));
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-05T08:00:00Z")
        .expect("valid")
        .to_utc();
    let tz = chrono_tz::Asia::Shanghai;
    assert_eq!(
        crate::i18n::datetime(en, at, tz),
        "2026-11-05 16:00 (Asia/Shanghai)"
    );
    assert_eq!(
        crate::i18n::datetime(zh, at, tz),
        "2026年11月5日 16:00（Asia/Shanghai）"
    );
}
