//! `steward bench`: runs `steward::bench` in a temp directory and prints each figure, then a
//! summary against SPEC's targets. Included by `main.rs`.

use std::path::PathBuf;

use anyhow::{Context, Result};

pub async fn bench(members: u64, quick: bool, broadcast_only: bool) -> Result<()> {
    let members = if quick { members.min(100_000) } else { members };
    let dir = tempfile_dir()?;
    eprintln!(
        "Building synthetic communities in {} (this takes a while)...",
        dir.display()
    );
    let options = steward::bench::BenchOptions {
        members,
        quick,
        only_broadcast: broadcast_only,
    };
    let figures = steward::bench::run(options, &dir, |f| {
        println!("BENCH {} {:.3} {}", f.name, f.value, f.unit)
    })
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    let figures = figures?;
    let get = |name: &str| {
        figures
            .iter()
            .find(|f| f.name == name)
            .map_or(0.0, |f| f.value)
    };
    let raw = get("sqlite_raw_upserts");
    println!();
    if broadcast_only {
        println!("Summary (a broadcast on both platforms through steward run, killed halfway):");
    } else {
        println!(
            "Recommendations: leave-one-out hit rate at 3 {:.3}, most-popular baseline {:.3} ({:.1}x)",
            get("recommend_hit_at_3"),
            get("recommend_popular_hit_at_3"),
            get("recommend_hit_at_3") / get("recommend_popular_hit_at_3").max(f64::EPSILON)
        );
        println!("Summary ({members} members for ranking, start-up and memory):");
        println!("  raw SQLite autocommit upserts: {raw:.0}/s (the yardstick)");
    }
    for (name, target, more_is_better) in [
        ("ingest_all_awarded", 50_000.0, true),
        ("ingest_realistic", 50_000.0, true),
        ("rank_p99_1m", 1.0, false),
        ("leaderboard_p99_1m", 1.0, false),
        ("drop_lateness_p99", 1_000.0, false),
        ("startup_1m", 1_000.0, false),
        ("rss_1m", 100.0, false),
        ("web_leaderboard_rps", 10_000.0, true),
        ("web_leaderboard_p99_ms", 10.0, false),
        ("rank_card_p99", 20.0, false),
        ("dashboard_ms", 200.0, false),
        ("broadcast_telegram_rate", 0.9, true),
        ("broadcast_discord_rate", 0.9, true),
        ("broadcast_telegram_429s", 0.0, false),
        ("broadcast_discord_429s", 0.0, false),
        ("broadcast_duplicates_after_kill", 0.0, false),
    ] {
        if !figures.iter().any(|f| f.name == name) {
            continue;
        }
        let value = get(name);
        let met = if more_is_better {
            value >= target
        } else {
            value <= target
        };
        let ratio = if name.starts_with("ingest") {
            format!(" ({:.2}x raw)", value / raw.max(1.0))
        } else {
            String::new()
        };
        println!(
            "  {name}: {value:.3} (target {} {target}){ratio} {}",
            if more_is_better { ">=" } else { "<=" },
            if met { "met" } else { "NOT met" }
        );
    }
    Ok(())
}

/// A fresh directory under the system temp dir for the benchmark's databases.
fn tempfile_dir() -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("steward-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).context("Failed to create the benchmark directory")?;
    Ok(dir)
}
