//! What `steward check-config` reports: one problem per mistake, with its key and line, and the
//! error `Config::load` returns. Owns turning byte spans into lines and the TOML parser's own
//! syntax messages into plain words; it knows nothing of the keys themselves.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

/// One thing wrong with a config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub line: Option<usize>,
    /// Only for syntax errors, where the line alone may not show the spot.
    pub column: Option<usize>,
    pub key: String,
    pub message: String,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: ")?,
            (Some(line), None) => write!(f, "line {line}: ")?,
            (None, _) => {}
        }
        write!(f, "{}: {}", self.key, self.message)
    }
}

/// Why a config could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file named with `--config` is missing or unreadable.
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file was read; every problem in it is listed, in line order.
    #[error("{path} has {}:\n{}", count(problems.len()), list(problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<ConfigProblem>,
    },
    /// An environment variable that overrides a key holds something the key cannot.
    #[error(
        "{variable}: `{value}` is not an address and port (like 0.0.0.0:8080); it overrides {key}"
    )]
    Environment {
        variable: String,
        value: String,
        key: &'static str,
    },
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 problem".to_owned()
    } else {
        format!("{n} problems")
    }
}

fn list(problems: &[ConfigProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The problems found in one text so far.
pub(super) struct Problems<'t> {
    text: &'t str,
    /// Where each environment variable's value sits in `text`, after the file.
    variables: Vec<(Range<usize>, String)>,
    found: Vec<ConfigProblem>,
}

impl<'t> Problems<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Self {
            text,
            variables: Vec::new(),
            found: Vec::new(),
        }
    }

    /// Problems in `text`, whose values at these spans came from these variables.
    pub(super) fn with_variables(mut self, variables: Vec<(Range<usize>, String)>) -> Self {
        self.variables = variables;
        self
    }

    /// Records a problem at `span`; an empty span (a default, not written in the file) has no
    /// line, nor has a value from the environment, which names its variable instead.
    pub(super) fn add(&mut self, span: &Range<usize>, key: &str, message: impl Into<String>) {
        let mut message = message.into();
        let variable = self
            .variables
            .iter()
            .find(|(value, _)| !span.is_empty() && value.contains(&span.start));
        if let Some((_, variable)) = variable {
            message = format!("{message} (set by {variable})");
        }
        self.found.push(ConfigProblem {
            line: (!span.is_empty() && variable.is_none()).then(|| self.line(span)),
            column: None,
            key: key.to_owned(),
            message,
        });
    }

    /// 1-based line where `span` starts.
    pub(super) fn line(&self, span: &Range<usize>) -> usize {
        line_of(self.text, span.start)
    }

    /// The text at `span` as written, shortened for a message.
    pub(super) fn written(&self, span: &Range<usize>) -> String {
        let written = self.text.get(span.clone()).unwrap_or_default().trim();
        match written.char_indices().nth(40) {
            Some((end, _)) => format!("{}...", &written[..end]),
            None => written.to_owned(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Every problem in line order (those without a line last); the sort is stable, so problems
    /// on one line keep the order they were found in.
    pub(super) fn sorted(mut self) -> Vec<ConfigProblem> {
        self.found.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
        self.found
    }
}

/// A TOML syntax error, which stops the parser: reported alone, with line and column.
pub(super) fn syntax(text: &str, error: &toml::de::Error) -> ConfigProblem {
    let span = error.span().unwrap_or(0..0);
    let before = text.get(..span.start).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let at = text.get(span.clone()).unwrap_or_default().trim();
    ConfigProblem {
        line: Some(line_of(text, before.len())),
        column: Some(before[line_start..].chars().count() + 1),
        key: "syntax".into(),
        message: plain_syntax(error.message().trim(), at),
    }
}

/// The parser's message in a newcomer's words where we know the case; its own otherwise.
fn plain_syntax(message: &str, at: &str) -> String {
    let known = [
        (
            "unclosed table",
            "the [section] header is missing its closing `]`",
        ),
        (
            "unclosed array table",
            "the [[section]] header is missing its closing `]]`",
        ),
        ("unclosed array", "the list is missing its closing `]`"),
        (
            "unclosed inline table",
            "the { } table is missing its closing `}`",
        ),
        (
            "string values must be quoted",
            "text must be in quotes, like \"this\"",
        ),
        (
            "invalid basic string",
            "the text is missing its closing `\"`",
        ),
        (
            "invalid literal string",
            "the text is missing its closing `'`",
        ),
        (
            "unquoted keys cannot be empty",
            "a key is missing before `=`",
        ),
        (
            "missing escaped value",
            "a backslash in \"text\" starts an escape like \\n; write \\\\ for a backslash, or use 'single quotes'",
        ),
    ];
    if message == "duplicate key" {
        return format!("`{at}` is set twice");
    }
    known
        .iter()
        .find(|(prefix, _)| {
            message
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with(','))
        })
        .map_or_else(
            || format!("this is not valid TOML ({message})"),
            |(_, plain)| (*plain).to_owned(),
        )
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
