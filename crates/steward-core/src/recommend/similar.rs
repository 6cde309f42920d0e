//! Item-to-item collaborative filtering: two items are similar when the members who rated both
//! rated them alike (adjusted cosine: each member's stars minus their own mean, so a generous
//! rater and a harsh one agree when both rate the pair the same way relative to their habit).
//! A similarity counts only with enough co-raters and is shrunk toward zero when they are few.
//!
//! Only the pairs a prediction needs are computed: from each item the member rated, through its
//! other raters, to everything those raters rated.

use std::collections::HashMap;

use super::{Model, centred};

/// Damps a prediction resting on weak neighbours: with similarities summing to `s`, the
/// prediction is scaled by `s / (s + DAMPING)`.
const DAMPING: f64 = 0.5;

#[derive(Debug, Default, Clone, Copy)]
struct CoRatings {
    dot: f64,
    norm_rated: f64,
    norm_other: f64,
    count: usize,
}

/// A prediction for one item: how much the member should like it (-1..1), and the item they
/// liked that speaks most for it (none when only items they disliked are similar).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Predicted {
    pub score: f64,
    pub because: Option<i64>,
}

/// What the member's rated items say about every other item.
pub(super) struct Neighbours {
    /// Per other item: (rated item, similarity, the member's centred stars for the rated item).
    by_item: HashMap<i64, Vec<(i64, f64, f64)>>,
}

pub(super) fn neighbours(model: &Model, member: i64) -> Neighbours {
    let t = model.tuning;
    let mut by_item: HashMap<i64, Vec<(i64, f64, f64)>> = HashMap::new();
    for (rated, stars, _) in model.rated.get(&member).into_iter().flatten() {
        let mut pairs: HashMap<i64, CoRatings> = HashMap::new();
        for (other_member, offset) in model.raters.get(rated).into_iter().flatten() {
            if *other_member == member {
                continue;
            }
            for (other, _, other_offset) in model.rated.get(other_member).into_iter().flatten() {
                if other == rated {
                    continue;
                }
                let pair = pairs.entry(*other).or_default();
                pair.dot += offset * other_offset;
                pair.norm_rated += offset * offset;
                pair.norm_other += other_offset * other_offset;
                pair.count += 1;
            }
        }
        for (other, pair) in pairs {
            if pair.count < t.min_co_raters || pair.norm_rated <= 0.0 || pair.norm_other <= 0.0 {
                continue;
            }
            let cosine = pair.dot / (pair.norm_rated * pair.norm_other).sqrt();
            let n = pair.count as f64;
            let similarity = cosine * n / (n + t.shrinkage);
            if similarity > 0.0 {
                by_item.entry(other).or_default().push((
                    *rated,
                    similarity,
                    centred(f64::from(*stars)),
                ));
            }
        }
    }
    Neighbours { by_item }
}

impl Neighbours {
    /// The prediction for `item`, when any of the member's rated items is similar to it.
    pub(super) fn predict(&self, item: i64) -> Option<Predicted> {
        let terms = self.by_item.get(&item)?;
        let weight: f64 = terms.iter().map(|(_, s, _)| s).sum();
        let sum: f64 = terms.iter().map(|(_, s, liked)| s * liked).sum();
        let because = terms
            .iter()
            .filter(|(_, _, liked)| *liked > 0.0)
            .max_by(|a, b| (a.1 * a.2).total_cmp(&(b.1 * b.2)))
            .map(|(rated, _, _)| *rated);
        Some(Predicted {
            score: sum / (weight + DAMPING),
            because,
        })
    }
}
