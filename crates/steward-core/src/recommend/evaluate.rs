//! Offline measure of the recommender: leave-one-out hit rate at N. Each evaluated member has
//! one rating they liked held out; the model learns from everything else, recommends N items
//! from all the member did not rate, and scores a hit when the held-out item is among them.
//! The most-popular baseline (most-rated items first) is measured on the same split.

use super::{Model, Rating, Tuning};

/// Hit rates of the recommender and of the most-popular baseline, over `members` held-out
/// ratings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HitRates {
    pub model: f64,
    pub popular: f64,
    pub members: usize,
}

/// `training` and `held_out` partition the ratings (one held-out rating per evaluated member);
/// `items` is the catalogue.
#[must_use]
pub fn leave_one_out(
    training: &[Rating],
    held_out: &[Rating],
    tags: &[(i64, String)],
    items: &[i64],
    n: usize,
    tuning: Tuning,
) -> HitRates {
    let model = Model::new(training, tags, tuning);
    let mut by_popularity: Vec<i64> = items.to_vec();
    by_popularity.sort_by_key(|item| (std::cmp::Reverse(model.popularity(*item)), *item));
    let (mut model_hits, mut popular_hits) = (0usize, 0usize);
    for held in held_out {
        let rated: Vec<i64> = model
            .rated_by(held.member)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        if model
            .recommend(held.member, items, n)
            .iter()
            .any(|p| p.item == held.item)
        {
            model_hits += 1;
        }
        if by_popularity
            .iter()
            .filter(|item| !rated.contains(item))
            .take(n)
            .any(|item| *item == held.item)
        {
            popular_hits += 1;
        }
    }
    let members = held_out.len();
    let rate = |hits: usize| hits as f64 / members.max(1) as f64;
    HitRates {
        model: rate(model_hits),
        popular: rate(popular_hits),
        members,
    }
}
