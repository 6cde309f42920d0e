//! The rank-card figure: how long one card takes from data to PNG bytes, over names in the
//! scripts members use (Latin, Chinese, emoji sequences, Arabic, long and markup-laden).

use std::time::Instant;

use super::setup::{ms_since, quantile};
use crate::card::{CardData, CardError, CardRenderer, initials};

const NAMES: &[&str] = &[
    "Ada Lovelace",
    "张伟",
    "🦀 Ferris",
    "Zoë 🇫🇷 Dubois",
    "محمد علي",
    "山田 太郎",
    "👨‍👩‍👧 The Smiths",
    "<script>&\"'",
    "Bartholomew Maximilian Featherstonehaugh-Cholmondeley",
    "김민준",
];

/// `rank_card_p50` and `rank_card_p99`: milliseconds of `render_png` over `samples` cards
/// through one renderer, as the bot shares one; and `rank_card_setup`: building the renderer
/// (the font scan, paid once at start-up). None on a host without fonts.
pub(super) fn rank_card_figures(samples: usize) -> Vec<(&'static str, f64)> {
    match rank_card_ms(samples) {
        Ok((p50, p99, setup)) => vec![
            ("rank_card_p50", p50),
            ("rank_card_p99", p99),
            ("rank_card_setup", setup),
        ],
        Err(e) => {
            tracing::warn!(error = %e, "the rank card figures were skipped");
            Vec::new()
        }
    }
}

fn rank_card_ms(samples: usize) -> Result<(f64, f64, f64), CardError> {
    let started = Instant::now();
    let renderer = CardRenderer::new()?;
    let setup_ms = ms_since(started);
    // The words the bot puts on cards; the streak's plural is the one of 7 days.
    let labels = crate::engine::web::card_labels(crate::i18n::Lang::default(), 7);
    let mut render_ms = Vec::with_capacity(samples);
    for i in 0..samples {
        let n = i as u64;
        let name = format!("{} {i}", NAMES[i % NAMES.len()]);
        let data = CardData {
            initials: initials(&name),
            name,
            level: u32::try_from(i).unwrap_or(u32::MAX),
            xp: 1_000 * n as i64,
            xp_into_level: (n * 37 % 2_000) as i64,
            xp_for_level: 2_000,
            rank_all_time: Some(n * 131 + 1),
            rank_week: (i % 3 != 0).then_some(n + 1),
            streak: (i % 40) as u32,
            tier: (i % 2 == 0).then(|| "Pro".to_owned()),
            labels: labels.clone(),
        };
        let started = Instant::now();
        let png = renderer.render_png(&data)?;
        render_ms.push(ms_since(started));
        std::hint::black_box(png);
    }
    Ok((
        quantile(&mut render_ms, 0.50),
        quantile(&mut render_ms, 0.99),
        setup_ms,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_figures_are_measured() {
        let figures = super::rank_card_figures(20);
        eprintln!("{figures:?}");
        let names: Vec<&str> = figures.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["rank_card_p50", "rank_card_p99", "rank_card_setup"]);
        assert!(figures.iter().all(|(_, ms)| *ms > 0.0));
    }
}
