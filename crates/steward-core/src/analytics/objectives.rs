//! The community's three objectives week by week, made comparable: f1 (activity, the index of
//! `measures.rs`), f2 (content quality: the reach-weighted Bayesian mean of the ratings of the
//! drops first delivered that week) and f3 (revenue: net revenue that week, per currency).
//!
//! Each is turned into a standard score over the weeks shown (`(x − mean) / sd`): 0 is an
//! average week of the range, +1 a week one standard deviation better. Scores of different
//! objectives (and of different currencies, averaged into f3's) can then be added; the sum
//! weighs them by `analytics.weight_f1`, `weight_f2`, `weight_f3`.

/// The weights of the three objectives in their sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ObjectiveWeights {
    pub f1: f64,
    pub f2: f64,
    pub f3: f64,
}

impl Default for ObjectiveWeights {
    fn default() -> Self {
        Self {
            f1: 1.0,
            f2: 1.0,
            f3: 1.0,
        }
    }
}

/// One drop's part in its week's f2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DropPart {
    /// Its Bayesian mean rating, if rated.
    pub bayesian: Option<f64>,
    /// Distinct members reached.
    pub reach: i64,
    pub ratings: i64,
    pub done: i64,
}

/// A week's f2 and the shares behind it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ContentWeekScore {
    /// The reach-weighted Bayesian mean of the week's rated drops (1–5).
    pub quality: Option<f64>,
    /// Ratings, and lessons done, per member reached.
    pub rated_share: Option<f64>,
    pub done_share: Option<f64>,
}

/// f2 of the drops first delivered in one week.
#[must_use]
pub fn content_week(drops: &[DropPart]) -> ContentWeekScore {
    let (mut weighted, mut weight) = (0.0, 0.0);
    for d in drops {
        if let Some(b) = d.bayesian {
            #[allow(clippy::cast_precision_loss)] // member counts, far below 2^52
            let w = d.reach.max(1) as f64;
            weighted += b * w;
            weight += w;
        }
    }
    let reach: i64 = drops.iter().map(|d| d.reach).sum();
    let share = |n: i64| super::measures::ratio(n, reach);
    ContentWeekScore {
        quality: (weight > 0.0).then(|| weighted / weight),
        rated_share: share(drops.iter().map(|d| d.ratings).sum()),
        done_share: share(drops.iter().map(|d| d.done).sum()),
    }
}

/// The standard scores of `values` over those present; `None` stays `None`. Fewer than two
/// values, or all equal, score 0 (no week stands out).
#[must_use]
pub fn standard_scores(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    let n = f64::from(u32::try_from(present.len()).unwrap_or(u32::MAX));
    if present.is_empty() {
        return vec![None; values.len()];
    }
    let mean = present.iter().sum::<f64>() / n;
    let sd = (present.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
    values
        .iter()
        .map(|v| v.map(|v| if sd > 1e-12 { (v - mean) / sd } else { 0.0 }))
        .collect()
}

/// f3's score per week: each currency's net scored on its own, then averaged over the
/// currencies with a figure that week. `nets[c][w]` is currency `c`'s net in week `w`.
#[must_use]
pub fn revenue_scores(nets: &[Vec<i64>], weeks: usize) -> Vec<Option<f64>> {
    #[allow(clippy::cast_precision_loss)] // amounts in minor units, far below 2^52
    let scored: Vec<Vec<Option<f64>>> = nets
        .iter()
        .map(|c| standard_scores(&c.iter().map(|v| Some(*v as f64)).collect::<Vec<_>>()))
        .collect();
    (0..weeks)
        .map(|w| {
            let here: Vec<f64> = scored
                .iter()
                .filter_map(|c| c.get(w).copied().flatten())
                .collect();
            let n = u32::try_from(here.len()).ok().filter(|n| *n > 0)?;
            Some(here.iter().sum::<f64>() / f64::from(n))
        })
        .collect()
}

/// The weighted sum of a week's three scores, over those present.
#[must_use]
pub fn weighted_total(scores: [Option<f64>; 3], weights: ObjectiveWeights) -> Option<f64> {
    let parts = [
        scores[0].map(|s| s * weights.f1),
        scores[1].map(|s| s * weights.f2),
        scores[2].map(|s| s * weights.f3),
    ];
    let present: Vec<f64> = parts.iter().flatten().copied().collect();
    (!present.is_empty()).then(|| present.iter().sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_say_how_far_a_week_is_from_the_ranges_mean() {
        let scores = standard_scores(&[Some(1.0), Some(3.0), None]);
        assert_eq!(scores[0], Some(-1.0));
        assert_eq!(scores[1], Some(1.0));
        assert_eq!(scores[2], None);
        assert_eq!(
            standard_scores(&[Some(2.0), Some(2.0)]),
            [Some(0.0), Some(0.0)]
        );
    }

    #[test]
    fn a_weeks_quality_weighs_each_drop_by_its_reach() {
        let week = content_week(&[
            DropPart {
                bayesian: Some(5.0),
                reach: 3,
                ratings: 3,
                done: 0,
            },
            DropPart {
                bayesian: Some(3.0),
                reach: 1,
                ratings: 1,
                done: 1,
            },
            DropPart {
                bayesian: None,
                reach: 4,
                ratings: 0,
                done: 0,
            },
        ]);
        assert_eq!(week.quality, Some(4.5));
        assert_eq!(week.rated_share, Some(0.5));
        assert_eq!(week.done_share, Some(0.125));
    }

    #[test]
    fn currencies_are_scored_apart_and_the_total_weighs_the_objectives() {
        let f3 = revenue_scores(&[vec![100, 300], vec![5_000, 1_000]], 2);
        assert_eq!(f3, [Some(0.0), Some(0.0)]);
        let weights = ObjectiveWeights {
            f1: 2.0,
            f2: 1.0,
            f3: 0.5,
        };
        assert_eq!(
            weighted_total([Some(1.0), None, Some(2.0)], weights),
            Some(3.0)
        );
        assert_eq!(weighted_total([None, None, None], weights), None);
    }
}
