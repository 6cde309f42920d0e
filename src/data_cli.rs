//! `steward import` and `steward export`: the command line's side of moving XP between bots.
//! Included by `main.rs`; the work is `steward::engine::import`'s.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};

use steward::config::Config;
use steward::core::import::ImportFormat;
use steward::engine::import::{self, ImportOptions};
use steward::store::{ImportOutcome, Store};

/// The formats `steward import` reads.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// MEE6's leaderboard JSON (`players[].id`, `username`, `xp`).
    Mee6,
    /// A list of `{"id", "platform", "xp"}` (xpd and `steward export json` write it).
    Json,
}

#[derive(Subcommand)]
pub enum Export {
    /// Every member with XP as a JSON list of `{"id", "platform", "name", "xp"}`.
    Json {
        /// Write here instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

pub async fn import_file(
    store: &Store,
    format: Format,
    file: &Path,
    options: ImportOptions,
) -> Result<()> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("Failed to read {}", file.display()))?;
    let format = match format {
        Format::Mee6 => ImportFormat::Mee6,
        Format::Json => ImportFormat::Json,
    };
    let report = import::import_xp(store, format, &text, options, chrono::Utc::now())
        .await
        .with_context(|| format!("Cannot import {}", file.display()))?;
    for bad in &report.skipped {
        eprintln!("{}: line {}: {}", file.display(), bad.line, bad.problem);
    }
    let skipped = report.skipped.len();
    match report.outcome {
        None => anyhow::bail!(
            "{skipped} bad row(s) and --strict: nothing was imported. Fix the rows above, or drop --strict to skip them."
        ),
        Some(ImportOutcome::AlreadyImported { at }) => println!(
            "{} was already imported on {}; nothing changed.",
            file.display(),
            at.format("%Y-%m-%d %H:%M UTC")
        ),
        Some(ImportOutcome::Applied {
            new_members,
            existing,
            xp,
        }) => println!(
            "{}{} rows: {xp} XP to {new_members} new and {existing} known members; {skipped} bad row(s) skipped.",
            if options.dry_run {
                "Dry run, nothing written. Would import "
            } else {
                "Imported "
            },
            report.rows
        ),
    }
    Ok(())
}

pub async fn export(config: &Config, store: &Store, what: Export) -> Result<()> {
    let Export::Json { out } = what;
    let json = import::export_json(store)
        .await
        .with_context(|| format!("Failed to read {}", config.database_path.display()))?;
    match out {
        Some(path) => std::fs::write(&path, json + "\n")
            .with_context(|| format!("Failed to write {}", path.display()))?,
        None => println!("{json}"),
    }
    Ok(())
}
