//! Log output: `tracing` to stderr, as plain lines (colour only on a terminal) or, with
//! `log.format = "json"` (`STEWARD_LOG_FORMAT=json`), one JSON object per line with the
//! event's fields and the spans it happened in. `RUST_LOG` chooses what is logged. Included by
//! `main.rs`.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::OnceLock;

use steward::config::{Config, LogFormat};

/// The format the config asks for. Logging starts before a command reads its config, so the
/// config is read here on its own; a config that does not load leaves plain text, and the
/// command itself reports the problem.
pub fn format_for(path: Option<&Path>) -> LogFormat {
    Config::load(path).map_or(LogFormat::Text, |config| config.log_format)
}

/// Whether log lines are JSON: then start-up notices are log events too, so every line on
/// stderr is one JSON object.
static JSON: OnceLock<bool> = OnceLock::new();

/// A notice for the operator at start (where the pages listen): a plain line on stderr, which
/// the console shows whatever the log level, or an info event when logs are JSON.
pub fn notice(text: &str) {
    if JSON.get().copied().unwrap_or(false) {
        tracing::info!("{text}");
    } else {
        eprintln!("{text}");
    }
}

/// Starts logging; `quiet` (the console) shows warnings and errors only unless `RUST_LOG` says
/// otherwise.
pub fn init(quiet: bool, format: LogFormat) {
    let default = if quiet { "warn" } else { "info" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = JSON.set(format == LogFormat::Json);
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .init(),
        // Colour codes only for a terminal: a log file or journald gets plain text.
        LogFormat::Text => builder.with_ansi(std::io::stderr().is_terminal()).init(),
    }
}
