//! Recommendations: the few items a member has not seen that they will most likely value, each
//! with the reason it was picked. A blend of three signals, each in -1..1:
//! - quality: the Bayesian mean of an item's ratings (few ratings lean to the community mean);
//! - tag affinity: how the member rated other items with the same tags;
//! - similarity: item-to-item collaborative filtering over co-ratings (see [`similar`]).
//!
//! Pure: the engine decides which items a member may access and passes them as candidates.

mod evaluate;
mod planted;
mod similar;

use std::collections::HashMap;

pub use evaluate::{HitRates, leave_one_out};
pub use planted::{Planted, planted_community};

/// One member's stars for one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating {
    pub member: i64,
    pub item: i64,
    pub stars: u8,
}

/// How much each signal counts, and how cautious the estimates are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// Ratings' worth of the community mean every item starts with.
    pub prior_ratings: f64,
    /// Members who rated both items before a similarity counts at all.
    pub min_co_raters: usize,
    /// Similarities from `n` co-raters are scaled by `n / (n + shrinkage)`.
    pub shrinkage: f64,
    pub quality_weight: f64,
    pub tag_weight: f64,
    pub similar_weight: f64,
}

impl Default for Tuning {
    fn default() -> Self {
        Self {
            prior_ratings: 5.0,
            min_co_raters: 3,
            shrinkage: 10.0,
            quality_weight: 0.2,
            tag_weight: 0.35,
            similar_weight: 0.45,
        }
    }
}

/// Why an item was offered, for the line that offers it.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Members who liked `item` (which this member gave `stars`) liked this too.
    Similar { item: i64, stars: u8 },
    /// It carries a tag the member rates well.
    Tag(String),
    /// The community rates it well: the plain mean of its `count` ratings (the ranking uses
    /// the cautious Bayesian mean; members read the plain one).
    Quality { mean: f64, count: u32 },
    /// Nothing is known about it yet.
    New,
}

/// One recommended item.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub item: i64,
    pub score: f64,
    pub reason: Reason,
}

#[derive(Debug, Default, Clone, Copy)]
struct ItemStats {
    count: u32,
    sum: u32,
}

/// Everything known about the community's ratings and tags, indexed for recommending.
#[derive(Debug, Default)]
pub struct Model {
    tuning: Tuning,
    mean: f64,
    items: HashMap<i64, ItemStats>,
    /// Per item: (member, stars minus that member's mean).
    raters: HashMap<i64, Vec<(i64, f64)>>,
    /// Per member: (item, stars, stars minus their mean).
    rated: HashMap<i64, Vec<(i64, u8, f64)>>,
    tags: HashMap<i64, Vec<String>>,
}

/// Stars on a -1..1 scale around the neutral three.
fn centred(stars: f64) -> f64 {
    ((stars - 3.0) / 2.0).clamp(-1.0, 1.0)
}

impl Model {
    #[must_use]
    pub fn new(ratings: &[Rating], tags: &[(i64, String)], tuning: Tuning) -> Self {
        let mut model = Self {
            tuning,
            ..Self::default()
        };
        let mut by_member: HashMap<i64, Vec<(i64, u8)>> = HashMap::new();
        let mut total = 0.0;
        for r in ratings {
            by_member
                .entry(r.member)
                .or_default()
                .push((r.item, r.stars));
            let stats = model.items.entry(r.item).or_default();
            stats.count += 1;
            stats.sum += u32::from(r.stars);
            total += f64::from(r.stars);
        }
        model.mean = if ratings.is_empty() {
            3.0
        } else {
            total / ratings.len() as f64
        };
        for (member, list) in by_member {
            let mean = list.iter().map(|(_, s)| f64::from(*s)).sum::<f64>() / list.len() as f64;
            let rows: Vec<(i64, u8, f64)> = list
                .into_iter()
                .map(|(item, stars)| (item, stars, f64::from(stars) - mean))
                .collect();
            for (item, _, offset) in &rows {
                model
                    .raters
                    .entry(*item)
                    .or_default()
                    .push((member, *offset));
            }
            model.rated.insert(member, rows);
        }
        for (item, tag) in tags {
            model.tags.entry(*item).or_default().push(tag.clone());
        }
        model
    }

    /// The items `member` rated, with their stars.
    #[must_use]
    pub fn rated_by(&self, member: i64) -> Vec<(i64, u8)> {
        self.rated
            .get(&member)
            .map(|rows| rows.iter().map(|(i, s, _)| (*i, *s)).collect())
            .unwrap_or_default()
    }

    /// The Bayesian mean of an item's ratings, and how many there are.
    fn quality(&self, item: i64) -> (f64, u32) {
        let stats = self.items.get(&item).copied().unwrap_or_default();
        let prior = self.tuning.prior_ratings;
        let mean = (prior * self.mean + f64::from(stats.sum)) / (prior + f64::from(stats.count));
        (mean, stats.count)
    }

    /// The plain mean of an item's ratings (3 when it has none).
    fn plain_mean(&self, item: i64) -> f64 {
        match self.items.get(&item) {
            Some(stats) if stats.count > 0 => f64::from(stats.sum) / f64::from(stats.count),
            _ => 3.0,
        }
    }

    /// How many members rated an item: the most-popular baseline's score.
    #[must_use]
    pub fn popularity(&self, item: i64) -> u32 {
        self.items.get(&item).map_or(0, |s| s.count)
    }

    /// The tags `member` rates well (above neutral), best first: what they know, so the open
    /// questions they could answer.
    #[must_use]
    pub fn liked_tags(&self, member: i64) -> Vec<String> {
        let mut tags: Vec<(&str, f64)> = self
            .tag_affinity(member)
            .into_iter()
            .filter(|(_, affinity)| *affinity > 0.0)
            .collect();
        tags.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        tags.into_iter().map(|(tag, _)| tag.to_owned()).collect()
    }

    /// Per tag, how well `member` rates items carrying it, shrunk toward neutral when they
    /// rated few of them.
    fn tag_affinity(&self, member: i64) -> HashMap<&str, f64> {
        let mut sums: HashMap<&str, (f64, f64)> = HashMap::new();
        for (item, stars, _) in self.rated.get(&member).into_iter().flatten() {
            for tag in self.tags.get(item).into_iter().flatten() {
                let entry = sums.entry(tag.as_str()).or_default();
                entry.0 += centred(f64::from(*stars));
                entry.1 += 1.0;
            }
        }
        sums.into_iter()
            .map(|(tag, (sum, n))| (tag, sum / (n + 1.0)))
            .collect()
    }

    /// The `n` best of `candidates` for `member`, best first. Candidates the member rated are
    /// skipped; the caller passes only items the member may access.
    #[must_use]
    pub fn recommend(&self, member: i64, candidates: &[i64], n: usize) -> Vec<Pick> {
        let rated: HashMap<i64, u8> = self.rated_by(member).into_iter().collect();
        let affinity = self.tag_affinity(member);
        let neighbours = similar::neighbours(self, member);
        let t = self.tuning;
        let mut picks: Vec<Pick> = candidates
            .iter()
            .filter(|item| !rated.contains_key(item))
            .map(|&item| {
                let (mean, count) = self.quality(item);
                let quality = centred(mean) * t.quality_weight;
                let best_tag = self
                    .tags
                    .get(&item)
                    .into_iter()
                    .flatten()
                    .filter_map(|tag| affinity.get(tag.as_str()).map(|a| (tag, *a)))
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                let tag = best_tag.as_ref().map_or(0.0, |(_, a)| a * t.tag_weight);
                let predicted = neighbours.predict(item);
                let similar = predicted
                    .as_ref()
                    .map_or(0.0, |p| p.score * t.similar_weight);
                let because = predicted.and_then(|p| p.because);
                let reason = match (because, &best_tag) {
                    (Some(liked), _) if similar >= tag && similar > 0.0 => Reason::Similar {
                        item: liked,
                        stars: rated.get(&liked).copied().unwrap_or(5),
                    },
                    (_, Some((tag_name, _))) if tag > 0.0 => Reason::Tag((*tag_name).clone()),
                    _ if count > 0 => Reason::Quality {
                        mean: self.plain_mean(item),
                        count,
                    },
                    _ => Reason::New,
                };
                Pick {
                    item,
                    score: quality + tag + similar,
                    reason,
                }
            })
            .collect();
        // Ties go to the better-known item, then the newer.
        picks.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(self.popularity(b.item).cmp(&self.popularity(a.item)))
                .then(b.item.cmp(&a.item))
        });
        picks.truncate(n);
        picks
    }
}

#[cfg(test)]
mod tests;
