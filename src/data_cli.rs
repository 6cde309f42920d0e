//! `steward import` and `steward export`: the command line's side of moving XP between bots.
//! Included by `main.rs`; the work is `steward::engine::import`'s.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};

use steward::config::Config;
use steward::core::import::ImportFormat;
use steward::engine::import::{self, ImportOptions};
use steward::engine::privacy;
use steward::store::{ImportOutcome, Store};

/// The formats `steward import` reads.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// MEE6's leaderboard JSON (`players[].id`, `username`, `xp`).
    Mee6,
    /// A list of `{"id", "platform", "xp"}` (xpd and `steward export json` write it).
    Json,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, arg_required_else_help = true)]
pub struct ExportArgs {
    #[command(subcommand)]
    what: Option<Export>,
    /// One member's data, as `/privacy export` sends it: a member id (42) or an account
    /// (discord:1234, telegram:5550001, console:alice).
    #[arg(long, value_name = "ID")]
    member: Option<String>,
    /// Write here instead of standard output.
    #[arg(long, value_name = "FILE", requires = "member")]
    out: Option<PathBuf>,
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

pub async fn export(config: &Config, store: &Store, args: ExportArgs) -> Result<()> {
    let read_failed = || format!("Failed to read {}", config.database_path.display());
    let (json, out) = match (args.what, args.member) {
        (Some(Export::Json { out }), _) => (
            import::export_json(store).await.with_context(read_failed)?,
            out,
        ),
        (None, Some(id)) => {
            let member = privacy::find_member(store, &id).await?;
            let json = privacy::export_member(
                store,
                &config.community_name,
                member,
                chrono::Utc::now(),
                config.language,
            )
            .await
            .with_context(read_failed)?;
            (json, args.out)
        }
        (None, None) => anyhow::bail!("Say what to export: `export json` or `export --member ID`"),
    };
    match out {
        Some(path) => std::fs::write(&path, json + "\n")
            .with_context(|| format!("Failed to write {}", path.display()))?,
        None => println!("{json}"),
    }
    Ok(())
}
