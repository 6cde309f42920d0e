//! `steward backup` and `steward restore`, and opening the database for commands that only
//! read (`export`), which work beside a running bot on a consistent copy. Included by
//! `main.rs`; the work is `steward::store::backup`'s.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use steward::config::Config;
use steward::engine::backups::backup_name;
use steward::store::Store;
use steward::store::backup;

/// `steward backup [--out FILE]`: a checked copy; prints its path and size.
pub async fn backup(config: &Config, out: Option<PathBuf>) -> Result<()> {
    let database = &config.database_path;
    let dest = out.unwrap_or_else(|| {
        config
            .backup
            .dir_for(database)
            .join(backup_name(database, chrono::Utc::now()))
    });
    let made = backup::copy_live(database, &dest)
        .await
        .with_context(|| format!("Cannot back up {}", database.display()))?;
    println!(
        "Backed up {} to {} ({}); the copy passed SQLite's integrity check.",
        database.display(),
        made.path.display(),
        size(made.bytes)
    );
    Ok(())
}

/// `steward restore FILE`: refused while a bot runs on the database.
pub async fn restore(config: &Config, file: &Path) -> Result<()> {
    let database = &config.database_path;
    let restored = backup::restore(database, file).await.with_context(|| {
        format!(
            "Cannot restore {} into {}",
            file.display(),
            database.display()
        )
    })?;
    println!(
        "Restored {} into {} ({}).",
        file.display(),
        database.display(),
        size(restored.bytes)
    );
    if let Some(previous) = restored.previous {
        println!(
            "The database it replaced is kept as {}.",
            previous.display()
        );
    }
    Ok(())
}

/// A copy of the database to read from, in a temporary folder dropped with it: exports read
/// the copy, so they run beside a bot without waiting for it or writing to its file.
pub async fn open_copy(config: &Config) -> Result<(Store, tempfile::TempDir)> {
    let dir = tempfile::tempdir().context("Failed to make a temporary folder for the copy")?;
    let store = backup::open_snapshot(&config.database_path, dir.path())
        .await
        .with_context(|| format!("Cannot read {}", config.database_path.display()))?;
    Ok((store, dir))
}

/// `steward health [--url URL]`: whether `/readyz` answers 200 within five seconds.
pub async fn health(config: &Config, url: Option<String>) -> Result<()> {
    let url = url.unwrap_or_else(|| {
        // The probe runs beside the server: ask it on loopback whatever address it listens on.
        format!("http://127.0.0.1:{}/readyz", config.web.listen.port())
    });
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .build()
        .context("Failed to set up the HTTP client")?;
    let answer = client
        .get(&url)
        .send()
        .await
        .map_err(|e| anyhow::anyhow!(steward::engine::platform::with_causes(&e)))
        .with_context(|| format!("{url} does not answer"))?;
    let status = answer.status();
    let body = answer.text().await.unwrap_or_default();
    anyhow::ensure!(
        status.is_success(),
        "{url} answers {status}: {}",
        body.trim()
    );
    println!("{url}: {}", body.trim());
    Ok(())
}

fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}
