//! The start-up probe: `steward bench-probe` starts the engine on a benchmark's database in a
//! fresh process, so its time to ready and its peak memory carry none of the benchmark's own.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::BenchError;
use super::setup::{self, console_message, ms_since};
use crate::engine::SystemClock;
use steward_testkit::RecordingPlatform;

/// Runs `steward bench-probe` on the database in a fresh process: start-up time to ready and
/// its peak memory, free of the benchmark's own allocations.
pub(super) fn probe(path: &Path) -> Result<(f64, f64), BenchError> {
    let exe = std::env::current_exe()?;
    let started = Instant::now();
    let output = std::process::Command::new(exe)
        .arg("bench-probe")
        .arg(path)
        .output()?;
    let total_ms = ms_since(started);
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text.split_whitespace();
    let rss: f64 = fields
        .nth(1)
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| BenchError::Probe(String::from_utf8_lossy(&output.stderr).into_owned()))?;
    let ready_ms: f64 = text
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(total_ms);
    Ok((ready_ms, rss))
}

/// The probe itself: starts the engine on `path`, answers one /rank (ready), reads the boards'
/// names as `steward run` does next, and prints "ready_ms rss_mb".
/// Ready is measured from process start (as the kernel saw it) where /proc allows.
pub async fn probe_main(path: &Path, process_start: Instant) -> Result<String, BenchError> {
    let engine = setup::engine(
        path,
        Arc::new(RecordingPlatform::default()),
        Arc::new(SystemClock),
    )
    .await?;
    engine
        .handle(console_message("m1", "/rank", engine.kernel().now()))
        .await;
    let ready = ms_since(process_start);
    // `steward run` reads the boards' names into memory right after start: part of its memory.
    engine.identity().load_board_names().await?;
    engine.shutdown().await;
    Ok(format!(
        "{ready:.1} {:.1}",
        setup::peak_rss_mb().unwrap_or(0.0)
    ))
}
