//! The recommender measured offline: leave-one-out hit rate at 3 on a synthetic community with
//! planted tastes, against the most-popular baseline on the same split.

use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::core::recommend::{HitRates, Tuning, leave_one_out, planted_community};

/// Hit rates at 3 for a community of `members` rating 400 items over 20 topics.
pub(super) fn hit_rates(members: usize) -> HitRates {
    let mut rng = StdRng::seed_from_u64(16);
    let planted = planted_community(&mut rng, members, 400, 20);
    leave_one_out(
        &planted.training,
        &planted.held_out,
        &planted.tags,
        &planted.items,
        3,
        Tuning::default(),
    )
}
