//! Every key of a `[section]` from the environment: `STEWARD_<SECTION>_<KEY>` in capitals
//! (`web.public_url` is `STEWARD_WEB_PUBLIC_URL`) wins over the file, which wins over the
//! defaults. The values join the file's parsed table before `shape` checks it, so a bad value
//! is reported like one in the file, naming its variable instead of a line. Hand-written
//! rather than figment: the file's problems keep their lines only because one walk sees the
//! file and the variables together, which a merged figment value would not give `shape`.
//!
//! A variable set to nothing counts as unset (env files often list `KEY=` blank). Lists are
//! written like TOML (`[-1001, -1002]`) or as comma-separated words (`telegram:1,discord:2`).
//! Sections that repeat (`[[tiers]]`, `[channels.NAME]`) come only from the file.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::schema::{Field, Kind, ROOT};

/// One variable that is set: where its value sits in the text after the file, and the key it
/// overrides.
#[derive(Debug, Clone)]
pub(super) struct Override {
    pub variable: String,
    pub section: &'static str,
    pub field: &'static Field,
    pub value: Range<usize>,
}

/// `(variable, key)` for every key the environment may set, in the schema's order.
#[must_use]
pub fn variables() -> Vec<(String, String)> {
    keys()
        .map(|(section, field)| {
            (
                variable(section, field.name),
                format!("{section}.{}", field.name),
            )
        })
        .collect()
}

fn keys() -> impl Iterator<Item = (&'static str, &'static Field)> {
    ROOT.iter().flat_map(|section| match section.kind {
        Kind::Section(fields) => fields.iter().map(|f| (section.name, f)).collect(),
        _ => Vec::new(),
    })
}

fn variable(section: &str, key: &str) -> String {
    format!("STEWARD_{}_{}", section.to_uppercase(), key.to_uppercase())
}

/// The file's text followed by each set variable's value on a line of its own, and where each
/// value is. Problems quote values from this text, so it must outlive the parsed table.
pub(super) fn gather(file: &str, get: impl Fn(&str) -> Option<String>) -> (String, Vec<Override>) {
    let mut text = file.to_owned();
    let mut overrides = Vec::new();
    for (section, field) in keys() {
        let variable = variable(section, field.name);
        let Some(value) = get(&variable).filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        text.push('\n');
        let start = text.len();
        // A value is one line of the text; a newline in a variable cannot mean anything else.
        text.push_str(&value.replace(['\n', '\r'], " "));
        overrides.push(Override {
            variable,
            section,
            field,
            value: start..text.len(),
        });
    }
    (text, overrides)
}

/// Sets each overridden key in `root` (the file's table), creating its section if missing.
/// A section written as something else than a table is left for `shape` to report.
pub(super) fn apply<'i>(root: &mut DeTable<'i>, text: &'i str, overrides: &[Override]) {
    for o in overrides {
        let value = typed(text, o.value.clone(), o.field.kind);
        let key = Spanned::new(o.value.clone(), Cow::Borrowed(o.field.name));
        match root.get_mut(o.section).map(Spanned::get_mut) {
            Some(DeValue::Table(table)) => {
                table.insert(key, value);
            }
            Some(_) => {}
            None => {
                let mut table = DeTable::new();
                table.insert(key, value);
                root.insert(
                    Spanned::new(o.value.clone(), Cow::Borrowed(o.section)),
                    Spanned::new(o.value.clone(), DeValue::Table(table)),
                );
            }
        }
    }
}

/// The value at `span` read as `kind` wants it: text as written, anything else as TOML (a
/// value that does not parse stays text, so `shape` says what it should have been).
fn typed(text: &str, span: Range<usize>, kind: Kind) -> Spanned<DeValue<'_>> {
    let written = &text[span.clone()];
    match kind {
        Kind::Text => Spanned::new(span, DeValue::String(Cow::Borrowed(written))),
        Kind::List(item) if !written.trim_start().starts_with('[') => {
            let mut items = toml::de::DeArray::new();
            let mut at = span.start;
            for piece in written.split(',') {
                let lead = piece.len() - piece.trim_start().len();
                let start = at + lead;
                let end = start + piece.trim().len();
                if end > start {
                    items.push(typed(text, start..end, *item));
                }
                at += piece.len() + 1;
            }
            Spanned::new(span, DeValue::Array(items))
        }
        _ => match DeValue::parse(written) {
            Ok(value) => shifted(value, span.start),
            Err(_) => Spanned::new(span, DeValue::String(Cow::Borrowed(written))),
        },
    }
}

/// A value parsed alone, with its spans moved to where it sits in the whole text.
fn shifted(value: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = value.span();
    let inner = match value.into_inner() {
        DeValue::Array(items) => {
            DeValue::Array(items.into_iter().map(|v| shifted(v, by)).collect())
        }
        other => other,
    };
    Spanned::new(span.start + by..span.end + by, inner)
}
