//! Micro-benchmarks of the core's hot functions (`cargo bench`). The product figures of
//! SPEC §11 come from `steward bench`; these show where a regression in pure code would be.

// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use chrono::{NaiveTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use steward::core::commands;
use steward::core::drops::schedule::{Rule, next_occurrence};
use steward::core::ids::MemberId;
use steward::core::levels::LevelInfo;
use steward::core::rank_index::{RankIndex, Standing};

/// A million standings with a long-tailed score distribution, as `steward bench` builds.
fn million() -> Vec<Standing> {
    (0..1_000_000_i64)
        .map(|i| {
            let u = ((i * 7919) % 1_000_000) as f64 / 1_000_000.0 + 1e-6;
            let score = ((u.powf(-1.3) - 1.0) * 120.0).min(5_000_000.0) as i64;
            Standing::new(MemberId(i + 1), score, 1_700_000_000_000 - i)
        })
        .collect()
}

fn rank_index(c: &mut Criterion) {
    let standings = million();
    let mut index = RankIndex::from_standings(standings.clone());
    let probe = standings[123_457];
    c.bench_function("rank_index/rank_of at 1M", |b| {
        b.iter(|| index.rank_of(black_box(&probe)))
    });
    c.bench_function("rank_index/page at offset 500k", |b| {
        b.iter(|| index.page(black_box(500_000), 10))
    });
    let mut score = probe.score();
    let mut current = probe;
    c.bench_function("rank_index/replace (an award) at 1M", |b| {
        b.iter(|| {
            score += 20;
            let next = Standing::new(current.member(), score, 1_800_000_000_000);
            index.replace(Some(current), next);
            current = next;
        })
    });
    c.bench_function("rank_index/from_standings 1M", |b| {
        b.iter_batched(
            || standings.clone(),
            RankIndex::from_standings,
            criterion::BatchSize::LargeInput,
        )
    });
}

fn levels_and_commands(c: &mut Criterion) {
    c.bench_function("levels/from_xp", |b| {
        b.iter(|| LevelInfo::from_xp(black_box(1_899_250)))
    });
    c.bench_function("commands/parse a chat line", |b| {
        b.iter(|| commands::parse(black_box("just a message in the group"), false))
    });
    c.bench_function("commands/parse /drop", |b| {
        b.iter(|| {
            commands::parse(
                black_box("/drop tomorrow 09:00 every weekday to announcements Standup"),
                false,
            )
        })
    });
}

fn schedules(c: &mut Criterion) {
    let tz = chrono_tz::Europe::Berlin;
    let after = Utc.with_ymd_and_hms(2026, 3, 28, 12, 0, 0).unwrap();
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    let weekday = Rule::parse("weekday").unwrap();
    let cron = Rule::parse("30 9 * * 1-5").unwrap();
    c.bench_function("schedule/next weekday across DST", |b| {
        b.iter(|| next_occurrence(&weekday, nine, black_box(after), tz, false))
    });
    c.bench_function("schedule/next cron across DST", |b| {
        b.iter(|| next_occurrence(&cron, nine, black_box(after), tz, false))
    });
}

criterion_group!(benches, rank_index, levels_and_commands, schedules);
criterion_main!(benches);
