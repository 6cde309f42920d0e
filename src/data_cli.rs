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

/// Imports `file` into `store`; with no store (a dry run where there is no database yet) it
/// says what the file would do to an empty community.
pub async fn import_file(
    store: Option<&Store>,
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
    let report = match store {
        Some(store) => import::import_xp(store, format, &text, options, chrono::Utc::now()).await,
        None => import::preview_on_empty(format, &text, options),
    }
    .with_context(|| format!("Cannot import {}", file.display()))?;
    for bad in &report.skipped {
        let id = bad
            .id
            .as_ref()
            .map_or_else(String::new, |id| format!(" (id {id})"));
        eprintln!(
            "{}: line {}, entry {}{id}: {}",
            file.display(),
            bad.line,
            bad.entry,
            bad.problem
        );
    }
    let skipped = report.skipped.len();
    let Some(ImportOutcome {
        added,
        new_members,
        updated,
        unchanged,
        xp,
    }) = report.outcome
    else {
        anyhow::bail!(
            "{skipped} bad row(s) and --strict: nothing was imported. Fix the rows above, or drop --strict to skip them."
        );
    };
    if report.rows == 0 && skipped > 0 {
        anyhow::bail!(
            "Every row of {} is bad ({skipped}): nothing was imported. Fix the rows above.",
            file.display()
        );
    }
    println!(
        "{}{} rows from {}: {added} added ({new_members} new members), {updated} updated, {unchanged} unchanged; {xp:+} XP; {skipped} bad row(s) skipped.",
        if options.dry_run {
            "Dry run, nothing written. Would import "
        } else {
            "Imported "
        },
        report.rows,
        file.display(),
    );
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
        None => print_out(&json)?,
    }
    Ok(())
}

/// Writes `text` and a newline to standard output. A reader that stopped reading
/// (`steward export json | head`) is not an error: the rest is not wanted.
fn print_out(text: &str) -> Result<()> {
    use std::io::Write;

    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("Failed to write to standard output")
        }
        _ => Ok(()),
    }
}
