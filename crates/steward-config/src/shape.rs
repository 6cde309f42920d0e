//! Checks a parsed `steward.toml` against `schema` before serde sees it: each unknown key, wrong
//! type, number out of range or missing key becomes a problem with its key and line, in the
//! user's words. Bad values are set aside (removed, so defaults apply; a `[[section]]` entry
//! missing a required key gets placeholders) so that deserializing cannot fail and the later
//! checks still run on everything else. It knows the file's shape, not what the values mean.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeFloat, DeInteger, DeTable, DeValue};

use super::problems::Problems;
use super::schema::{Field, Kind, ROOT};

/// Keys whose values were set aside; checks that compare them with other keys skip them, so one
/// mistake is reported once.
#[derive(Debug, Default)]
pub(super) struct SetAside(Vec<String>);

impl SetAside {
    /// Whether `key`'s value was set aside, or (for `tiers[0]`) the whole entry.
    pub(super) fn has(&self, key: &str) -> bool {
        // Channel names are matched without case, as drops look them up.
        self.0.iter().any(|k| k.eq_ignore_ascii_case(key))
    }

    /// Whether some entry of the `[[name]]` list was set aside whole.
    pub(super) fn any_entry_of(&self, name: &str) -> bool {
        self.0.iter().any(|k| {
            k.strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('['))
                .and_then(|rest| rest.strip_suffix(']'))
                .is_some_and(|index| index.chars().all(|c| c.is_ascii_digit()))
        })
    }
}

/// Walks `root`, reporting to `problems` and repairing as described above.
pub(super) fn check(root: &mut DeTable<'_>, problems: &mut Problems<'_>) -> SetAside {
    let mut walk = Walk {
        problems,
        set_aside: SetAside::default(),
    };
    walk.table(root, &(0..0), ROOT, "", "");
    walk.set_aside
}

/// `section.key` as the user would write it: quoted when it is not a bare TOML key.
pub(super) fn key_path(section: &str, key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let key = if bare {
        key.to_owned()
    } else {
        format!("{key:?}")
    };
    if section.is_empty() {
        key
    } else {
        format!("{section}.{key}")
    }
}

struct Walk<'p, 't> {
    problems: &'p mut Problems<'t>,
    set_aside: SetAside,
}

impl Walk<'_, '_> {
    /// Checks one table's keys; `title` names it in messages (`[points]`; empty for the file).
    /// Returns whether every required key is there.
    fn table(
        &mut self,
        table: &mut DeTable<'_>,
        span: &Range<usize>,
        fields: &'static [Field],
        path: &str,
        title: &str,
    ) -> bool {
        let mut rejected = Vec::new();
        for (name, value) in table.iter_mut() {
            let key = key_path(path, name.get_ref());
            let fits = match fields.iter().find(|f| f.name == name.get_ref()) {
                Some(field) => self.value(value, field.kind, &key),
                None => {
                    let is_table = matches!(value.get_ref(), DeValue::Table(_));
                    self.problems.add(
                        &name.span(),
                        &key,
                        unknown(name.get_ref(), fields, title, is_table),
                    );
                    false
                }
            };
            if !fits {
                rejected.push(name.get_ref().to_string());
            }
        }
        for name in &rejected {
            table.remove(name.as_str());
        }
        let mut complete = true;
        for field in fields.iter().filter(|f| f.required) {
            if table.contains_key(field.name) {
                continue;
            }
            complete = false;
            let key = key_path(path, field.name);
            if !self.set_aside.has(&key) {
                let message = format!("is missing (each {title} needs {})", required(fields));
                self.problems.add(span, &key, message);
            }
            table.insert(
                Spanned::new(0..0, Cow::Borrowed(field.name)),
                Spanned::new(0..0, placeholder(field.kind)),
            );
        }
        complete
    }

    /// Checks one value; a value that does not fit is reported and set aside (returns false).
    fn value(&mut self, value: &mut Spanned<DeValue<'_>>, kind: Kind, key: &str) -> bool {
        let span = value.span();
        let written = match value.get_ref() {
            DeValue::Array(_) => "a list".to_owned(),
            DeValue::Table(_) => "a section".to_owned(),
            _ => self.problems.written(&span),
        };
        let message = match (kind, value.get_mut()) {
            (Kind::Text, DeValue::String(_)) | (Kind::Bool, DeValue::Boolean(_)) => None,
            (Kind::Int(min, max), DeValue::Integer(n)) => (!whole(n)
                .is_some_and(|n| (min..=max).contains(&n)))
            .then(|| out_of_range(min, max, &written)),
            (Kind::Number(min, max), n @ (DeValue::Integer(_) | DeValue::Float(_))) => (!number(n)
                .is_some_and(|n| (min..=max).contains(&n)))
            .then(|| format!("must be between {min} and {max}, not {written}")),
            (Kind::List(item), DeValue::Array(items)) => {
                let all = std::mem::replace(items, DeArray::new());
                *items = all
                    .into_iter()
                    .filter_map(|mut v| self.value(&mut v, *item, key).then_some(v))
                    .collect();
                None
            }
            (Kind::Section(fields), DeValue::Table(table)) => {
                self.table(table, &span, fields, key, &format!("[{key}]"));
                None
            }
            (Kind::Sections(fields), DeValue::Array(entries))
                if entries
                    .iter()
                    .all(|e| matches!(e.get_ref(), DeValue::Table(_))) =>
            {
                let title = format!("[[{key}]]");
                for (i, entry) in entries.iter_mut().enumerate() {
                    let entry_span = entry.span();
                    let entry_key = format!("{key}[{i}]");
                    if let DeValue::Table(table) = entry.get_mut()
                        && !self.table(table, &entry_span, fields, &entry_key, &title)
                    {
                        self.set_aside.0.push(entry_key);
                    }
                }
                None
            }
            (Kind::Named(fields), DeValue::Table(named)) => {
                self.named(named, fields, key);
                None
            }
            _ => Some(format!("must be {}, not {written}", kind.expected(key))),
        };
        match message {
            Some(message) => {
                self.problems.add(&span, key, message);
                self.set_aside.0.push(key.to_owned());
                false
            }
            None => true,
        }
    }

    /// `[channels.NAME]`: any name, each a table with `fields`.
    fn named(&mut self, named: &mut DeTable<'_>, fields: &'static [Field], path: &str) {
        let mut rejected = Vec::new();
        for (name, value) in named.iter_mut() {
            let key = key_path(path, name.get_ref());
            let span = value.span();
            if let DeValue::Table(table) = value.get_mut() {
                self.table(table, &span, fields, &key, &format!("[{key}]"));
            } else {
                let message = format!(
                    "must be {}, not {}",
                    Kind::Section(fields).expected(&key),
                    self.problems.written(&span)
                );
                self.problems.add(&span, &key, message);
                self.set_aside.0.push(key);
                rejected.push(name.get_ref().to_string());
            }
        }
        for name in &rejected {
            named.remove(name.as_str());
        }
    }
}

/// Says what a whole number at the edge of the type's range must be, without printing 2^63.
fn out_of_range(min: i64, max: i64, written: &str) -> String {
    match (min == i64::MIN, max == i64::MAX) {
        (true, true) => format!("must fit in 64 bits, not {written}"),
        (false, true) => format!("must be {min} or more, not {written}"),
        _ => format!("must be between {min} and {max}, not {written}"),
    }
}

/// A TOML integer as an i64, whatever its base; `None` when it does not fit.
fn whole(n: &DeInteger<'_>) -> Option<i64> {
    i64::from_str_radix(n.as_str(), n.radix()).ok()
}

/// A TOML integer or float as an f64; `None` for anything else.
fn number(value: &DeValue<'_>) -> Option<f64> {
    match value {
        // Rounding past 2^53 does not matter: every `Number` range is far below it.
        DeValue::Integer(n) => whole(n).map(|n| n as f64),
        DeValue::Float(n) => n.as_str().parse().ok(),
        _ => None,
    }
}

/// Stands in for a missing required key so the entry still deserializes; the entry is set
/// aside, so nothing reads the placeholder.
fn placeholder(kind: Kind) -> DeValue<'static> {
    match kind {
        Kind::Text => DeValue::String(Cow::Borrowed("")),
        Kind::Bool => DeValue::Boolean(false),
        Kind::Int(..) => DeValue::Integer(DeInteger::default()),
        Kind::Number(..) => DeValue::Float(DeFloat::default()),
        Kind::List(_) | Kind::Sections(_) => DeValue::Array(DeArray::new()),
        Kind::Section(_) | Kind::Named(_) => DeValue::Table(DeTable::new()),
    }
}

/// "id, name and rank".
fn required(fields: &[Field]) -> String {
    let names: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// An unknown key, with the key probably meant: a close spelling here, or the section where a
/// key of that name belongs.
fn unknown(name: &str, fields: &[Field], title: &str, is_table: bool) -> String {
    let at_top = title.is_empty();
    let what = match (at_top, is_table) {
        (true, true) => format!("unknown section [{name}]"),
        (true, false) => format!("unknown field `{name}` at the top level"),
        (false, _) => format!("unknown field `{name}` in {title}"),
    };
    if let Some(meant) = closest(name, fields) {
        if at_top && is_table {
            return format!("{what}; did you mean [{meant}]?");
        }
        return format!("{what}; did you mean `{meant}`?");
    }
    match home(name) {
        Some(home) if home != title => format!("{what}; it belongs in {home}"),
        _ => what,
    }
}

/// The field spelled most like `name`, if one is close enough to be a typo.
fn closest(name: &str, fields: &[Field]) -> Option<&'static str> {
    let allowed = (name.chars().count() / 3).max(1);
    fields
        .iter()
        .map(|f| (distance(name, f.name), f.name))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, _)| *d)
        .map(|(_, meant)| meant)
}

/// The section that has a key called `name`, as it is written in the file.
fn home(name: &str) -> Option<String> {
    ROOT.iter().find_map(|section| {
        let (fields, title) = match section.kind {
            Kind::Section(fields) => (fields, format!("[{}]", section.name)),
            Kind::Sections(fields) => (fields, format!("[[{}]]", section.name)),
            Kind::Named(fields) => (fields, format!("[{}.NAME]", section.name)),
            _ => return None,
        };
        fields.iter().any(|f| f.name == name).then_some(title)
    })
}

/// Levenshtein distance: the fewest one-character edits from `a` to `b`.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}
